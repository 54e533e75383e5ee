using System.Net;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>A host whose database disappears after start: the health check must notice.</summary>
public sealed class HealthWhenDatabaseIsGoneTests
{
    [Fact]
    public async Task Healthz_Answers503_AndApiAnswers503ProblemJson_WhenPostgreSqlDoesNotAnswer()
    {
        await using var factory = new ApiFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        await TestPostgres.DropDatabaseAsync(factory.ConnectionString);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        var stations = await client.GetAsync("/api/stations");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stations.StatusCode);
        Assert.Equal("application/problem+json", stations.Content.Headers.ContentType?.MediaType);
        await ((IAsyncLifetime)factory).DisposeAsync();
    }
}
