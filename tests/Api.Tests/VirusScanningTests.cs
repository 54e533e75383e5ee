using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>Every upload goes through Debian's clamd (started by ./test.sh with an EICAR signature) before it is accepted.</summary>
public class VirusScanningTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("policeReport", "report.pdf")]
    [InlineData("idCardCopy", "id-card.jpg")]
    [InlineData("otherDocuments", "other.png")]
    public async Task AnInfectedFile_Answers422NamingItsField_AndNothingIsStored(string field, string fileName)
    {
        _ = TestClamav.Required;
        // The EICAR test string hidden after a file that is otherwise what it claims to be.
        var carrier = Path.GetExtension(fileName) switch
        {
            ".pdf" => SampleFiles.Pdf(),
            ".jpg" => SampleFiles.Jpeg(),
            _ => SampleFiles.Png(20, 20, (_, _) => 255),
        };
        var form = new SubmissionForm().Without(field).WithFile(field, fileName, [.. carrier, .. "\n"u8, .. TestClamav.Eicar], "application/octet-stream");

        var response = await SubmitAsync(form, language: "en");

        await AssertProblemAsync(response, 422);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Contains("virus", Assert.Single(errors.GetProperty(field).EnumerateArray()).GetString());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task CleanFiles_PassTheScanner()
    {
        _ = TestClamav.Required;
        await SubmitOkAsync(new SubmissionForm());
    }
}

/// <summary>A host whose clamd is configured but does not answer.</summary>
public sealed class ScannerDownFactory : ApiFactory
{
    private readonly int _port = TestClamav.ClosedPort();

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Clamav:Host"] = "127.0.0.1", ["Clamav:Port"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

/// <summary>Configured but unreachable: submissions wait for it (503), they are never accepted unscanned.</summary>
public sealed class VirusScannerDownTests(ScannerDownFactory factory) : IClassFixture<ScannerDownFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Submissions_Answer503WithRetryAfter_AndNothingIsStored()
    {
        var response = await factory.CreateClient().PostAsync("/api/requests", new SubmissionForm().ToContent());

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        await using var db = factory.NewDbContext();
        Assert.Empty(db.FootageRequests);
        Assert.Empty(factory.StoredFiles());
    }
}
