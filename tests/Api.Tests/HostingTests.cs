using System.Net;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>What the host serves besides the use cases: health, the API document, unknown paths.</summary>
public class HostingTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Healthz_Answers200WhenPostgreSqlAnswers()
    {
        var response = await Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Swagger_Renders()
    {
        var ui = await Client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        var document = await JsonAsync(await Client.GetAsync("/swagger/v1/swagger.json"));
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/stations", "/api/requests", "/api/status/lookup", "/api/status/token", "/api/status/qr", "/api/privacy-notice" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not documented");
        }
    }

    [Fact]
    public async Task UnknownApiPath_AnswersProblemJson404() =>
        await AssertProblemAsync(await Client.GetAsync("/api/nothing-here"), 404);
}
