using System.Net;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>A host with the per-client limit turned down to three calls a minute.</summary>
public sealed class ApiClientLimitFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:ApiClient:PermitLimit"] = "3",
        ["RateLimiting:ApiClient:WindowMinutes"] = "1",
    };
}

/// <summary>Each API client has its own rate limit (ADR 0018): beyond it, 429 with Retry-After; another client is not affected.</summary>
public sealed class ApiClientLimitTests(ApiClientLimitFactory factory) : IntegrationTest(factory), IClassFixture<ApiClientLimitFactory>
{
    [Fact]
    public async Task AClientBeyondItsLimit_Gets429_AndAnotherClientDoesNot()
    {
        var busy = Bearer(await TokenAsync(await NewApiClientAsync("events.read")));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/integrations/events")).StatusCode);
        }
        var refused = await busy.GetAsync("/api/integrations/events");
        await AssertProblemAsync(refused, 429);
        Assert.NotNull(refused.Headers.RetryAfter);

        var other = Bearer(await TokenAsync(await NewApiClientAsync("events.read")));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/integrations/events")).StatusCode);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/integrations/events")).StatusCode);
    }
}
