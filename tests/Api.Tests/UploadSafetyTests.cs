using System.Text;
using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Requests;
using CctvRequests.Infrastructure.Files;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Api.Tests;

/// <summary>
/// Uploads cannot hurt the officer who opens them: images are re-encoded (no EXIF, nothing after
/// the picture), PDFs with scripts or actions are refused, file names are display text only.
/// </summary>
public class UploadSafetyTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<byte[]> StoredAsync(AttachmentKind kind)
    {
        await using var db = Factory.NewDbContext();
        var attachment = (await db.FootageRequests.Include(r => r.Attachments).SingleAsync()).Attachments.Single(a => a.Kind == kind);
        await using var stream = await Factory.Services.GetRequiredService<IFileStore>().OpenReadAsync(attachment.StorageKey, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;

    [Fact]
    public async Task APhoto_LosesItsExifAndWhateverFollowsIt()
    {
        var photo = HostileFiles.JpegWithExifAndTrailer();
        Assert.True(Contains(photo, "GPSLatitude") && Contains(photo, "Exif") && Contains(photo, "MZ"));

        await SubmitOkAsync(new SubmissionForm().Without("policeReport").WithFile("policeReport", "report.jpg", photo, "image/jpeg"));

        var stored = await StoredAsync(AttachmentKind.PoliceReport);
        Assert.False(Contains(stored, "Exif"));
        Assert.False(Contains(stored, "GPSLatitude"));
        Assert.False(Contains(stored, "<script>"));
        Assert.Equal([0xFF, 0xD9], stored[^2..]);
        Assert.Equal(SampleFiles.SizeOf(SampleFiles.Jpeg()), SampleFiles.SizeOf(stored));
    }

    [Fact]
    public async Task APhotoTakenSideways_IsTurnedAsItsExifSaid_BeforeTheExifIsDropped()
    {
        // Orientation 6: the camera was turned; a viewer rotates 90° clockwise.
        await SubmitOkAsync(new SubmissionForm().Without("policeReport").WithFile("policeReport", "report.jpg", HostileFiles.JpegWithExifAndTrailer(orientation: 6), "image/jpeg"));

        var (width, height) = SampleFiles.SizeOf(SampleFiles.Jpeg());
        Assert.Equal((height, width), SampleFiles.SizeOf(await StoredAsync(AttachmentKind.PoliceReport)));
    }

    [Fact]
    public async Task APng_LosesItsTextChunksAndWhateverFollowsIt_AndKeepsItsPixels()
    {
        var png = HostileFiles.PngWithTextAndTrailer();

        await SubmitOkAsync(new SubmissionForm().Without("otherDocuments").WithFile("otherDocuments", "map.png", png, "image/png"));

        var stored = await StoredAsync(AttachmentKind.Other);
        Assert.False(Contains(stored, "tEXt"));
        Assert.False(Contains(stored, "somchai"));
        Assert.False(Contains(stored, "<script>"));
        Assert.Equal("IEND", Encoding.ASCII.GetString(stored, stored.Length - 8, 4));
        Assert.Equal(SampleFiles.Pixels(SampleFiles.Png(20, 20, (_, _) => 255)), SampleFiles.Pixels(stored));
    }

    public static TheoryData<string, byte[]> ActivePdfs() => new()
    {
        { "an HTML page that is also a PDF", HostileFiles.Pdf(firstLineComment: "<html><script>alert(document.cookie)</script>") },
        { "JavaScript run on opening", HostileFiles.Pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>") },
        { "JavaScript with its name escaped", HostileFiles.Pdf("/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>") },
        { "a program launched", HostileFiles.Pdf("/OpenAction << /S /Launch /F (cmd.exe) >>") },
        { "an embedded file", HostileFiles.Pdf("/Names << /EmbeddedFiles << /Names [(a.exe) 7 0 R] >> >>") },
        { "a form that submits", HostileFiles.Pdf("/AcroForm << /XFA 7 0 R >>") },
        { "JavaScript hidden in a compressed object stream", HostileFiles.Pdf(extraObjects: HostileFiles.ObjectStream("7 0 << /S /JavaScript /JS (app.alert(1)) >>")) },
        { "an object stream the guard cannot read", HostileFiles.Pdf(extraObjects: HostileFiles.ObjectStream("7 0 << /Type /Annot >>", "/ASCIIHexDecode")) },
    };

    [Theory]
    [MemberData(nameof(ActivePdfs))]
    public async Task APdfWithActiveContent_IsRefusedNamingTheField_AndNothingIsStored(string what, byte[] pdf)
    {
        // The guard's own verdict, whatever the virus scanner would say.
        Assert.Equal(PdfGuard.Verdict.ActiveContent, PdfGuard.Check(pdf));

        var response = await SubmitAsync(new SubmissionForm().Without("idCardCopy").WithFile("idCardCopy", "id.pdf", pdf, "application/pdf"), language: "en");

        // 415 from the guard, or 422 when clamd's own PDF heuristics (escaped names) see it first.
        Assert.Contains((int)response.StatusCode, new[] { 415, 422 });
        await AssertProblemAsync(response, (int)response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("idCardCopy", out _), what);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task APdfCutShort_Answers415AsDamaged()
    {
        var pdf = SampleFiles.Pdf();
        var response = await SubmitAsync(new SubmissionForm().Without("idCardCopy").WithFile("idCardCopy", "id.pdf", pdf[..(pdf.Length - 12)], "application/pdf"), language: "en");

        await AssertProblemAsync(response, 415);
        Assert.Contains("damaged", (await JsonAsync(response)).GetProperty("errors").GetProperty("idCardCopy")[0].GetString());
    }

    [Fact]
    public async Task APdfWhosePictureBytesMerelyLookLikeActionNames_IsAccepted_ByteForByte()
    {
        var pdf = HostileFiles.Pdf(extraObjects: HostileFiles.ImageStreamWithActionBytes() + HostileFiles.ObjectStream("7 0 << /Type /Annot /Subtype /Link >>"));
        Assert.Equal(PdfGuard.Verdict.Clean, PdfGuard.Check(pdf));

        await SubmitOkAsync(new SubmissionForm().Without("idCardCopy").WithFile("idCardCopy", "id.pdf", pdf, "application/pdf"));

        Assert.Equal(pdf, await StoredAsync(AttachmentKind.IdCardCopy));
    }

    [Theory]
    [InlineData("photo\u202Egpj.exe", "photogpj.exe")]
    [InlineData("..\\..\\windows\\id\u200B-card.jpg", "id-card.jpg")]
    [InlineData("/etc/passwd\u0007.jpg", "passwd.jpg")]
    [InlineData("\u2066\u2069", "file.jpg")]
    public async Task AFileName_IsDisplayTextWithoutControlOrFormatCharacters(string sent, string kept)
    {
        await SubmitOkAsync(new SubmissionForm().Without("policeReport").WithFile("policeReport", sent, SampleFiles.Jpeg(), "image/jpeg"));

        await using var db = Factory.NewDbContext();
        var attachment = (await db.FootageRequests.Include(r => r.Attachments).SingleAsync()).Attachments.Single(a => a.Kind == AttachmentKind.PoliceReport);
        Assert.Equal(kept, attachment.FileName);
        Assert.DoesNotContain(kept, attachment.StorageKey);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task StoredFiles_AreReadableByTheServiceOnly()
    {
        await SubmitOkAsync(new SubmissionForm());

        var files = Factory.StoredFiles();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        var folders = Directory.GetDirectories(Factory.StorageRoot, "*", SearchOption.AllDirectories).Append(Factory.StorageRoot);
        Assert.All(folders, d => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(d)));
    }
}
