using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>Submission files: type by content, size limits per file and together, the signature.</summary>
public class SubmitRequestFilesTests(ApiFactory factory) : ApiTest(factory)
{
    private const int MB = 1024 * 1024;

    [Fact]
    public async Task TextFileRenamedPdf_Answers415NamingTheField_AndStoresNothing()
    {
        var form = new SubmissionForm().WithFile("idCardCopy", "id-card.pdf", SampleFiles.Text(), "application/pdf");
        var response = await SubmitAsync(form);
        await AssertProblemAsync(response, 415);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("idCardCopy", out _));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ElevenMegabyteFile_Answers413NamingTheField_AndStoresNothing()
    {
        var form = new SubmissionForm().WithFile("policeReport", "report.pdf", SampleFiles.PdfOfSize(11L * MB), "application/pdf");
        var response = await SubmitAsync(form);
        await AssertProblemAsync(response, 413);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("policeReport", out _));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task TenMegabytesExactly_IsAccepted()
    {
        var form = new SubmissionForm().WithFile("policeReport", "report.pdf", SampleFiles.PdfOfSize(10L * MB), "application/pdf");
        await SubmitOkAsync(form);
    }

    [Fact]
    public async Task MoreThan30MegabytesTogether_Answers413_AndStoresNothing()
    {
        var form = new SubmissionForm()
            .WithFile("idCardCopy", "id.pdf", SampleFiles.PdfOfSize(10L * MB), "application/pdf")
            .WithFile("policeReport", "report.pdf", SampleFiles.PdfOfSize(10L * MB), "application/pdf")
            .Without("otherDocuments")
            .WithFile("otherDocuments", "a.pdf", SampleFiles.PdfOfSize(9L * MB), "application/pdf")
            .WithFile("otherDocuments", "b.pdf", SampleFiles.PdfOfSize(2L * MB), "application/pdf");
        var response = await SubmitAsync(form);
        await AssertProblemAsync(response, 413);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task SignatureThatIsNotPng_Answers415()
    {
        var form = new SubmissionForm().WithFile("signature", "signature.png", SampleFiles.Jpeg(), "image/png");
        var response = await SubmitAsync(form);
        await AssertProblemAsync(response, 415);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("signature", out _));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task SignatureOverOneMegabyte_Answers413()
    {
        // Noise does not compress: a 700 x 700 RGBA PNG of random pixels is about 1.9 MB.
        var noise = SampleFiles.Png(700, 700, (_, _) => (byte)Random.Shared.Next(1, 256));
        Assert.True(noise.Length > MB);
        var response = await SubmitAsync(new SubmissionForm().WithFile("signature", "signature.png", noise, "image/png"));
        await AssertProblemAsync(response, 413);
        await AssertNothingStoredAsync();
    }
}
