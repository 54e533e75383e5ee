using System.Net;
using CctvRequests.Infrastructure.Files;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Api.Tests;

/// <summary>Files are checked by content and size; a request is saved whole, once, or not at all.</summary>
public class SubmitFilesAndAtomicityTests(ApiFactory factory) : ApiTest(factory)
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

    [Fact]
    public async Task SameIdempotencyKeyTwice_CreatesOneRequest_AndAnswersTheSame()
    {
        var form = new SubmissionForm();
        var key = Guid.NewGuid().ToString();

        var first = await SubmitAsync(form, key);
        var second = await SubmitAsync(form, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var a = await JsonAsync(first);
        var b = await JsonAsync(second);
        Assert.Equal(a.GetProperty("referenceNumber").GetString(), b.GetProperty("referenceNumber").GetString());
        Assert.Equal(a.GetProperty("statusUrl").GetString(), b.GetProperty("statusUrl").GetString());
        Assert.Equal(a.GetProperty("qrCodePng").GetString(), b.GetProperty("qrCodePng").GetString());
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        await using var db = Factory.NewDbContext();
        Assert.Equal(1, await db.FootageRequests.CountAsync());
        Assert.Equal(form.Files.Count, await db.Set<Domain.Requests.Attachment>().CountAsync());
        Assert.Equal(form.Files.Count, Factory.StoredFiles().Count);
    }

    [Fact]
    public async Task SameIdempotencyKey_SentTwiceAtOnce_StillCreatesOneRequest()
    {
        var form = new SubmissionForm();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(SubmitAsync(form, key), SubmitAsync(form, key), SubmitAsync(form, key));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var references = await Task.WhenAll(responses.Select(async r => (await JsonAsync(r)).GetProperty("referenceNumber").GetString()));
        Assert.Single(references.Distinct());
        await using var db = Factory.NewDbContext();
        Assert.Equal(1, await db.FootageRequests.CountAsync());
        Assert.Equal(form.Files.Count, Factory.StoredFiles().Count);
    }

    [Fact]
    public async Task SameIdempotencyKey_WithADifferentRequest_Answers422()
    {
        var key = Guid.NewGuid().ToString();
        await SubmitOkAsync(new SubmissionForm(), key);
        var response = await SubmitAsync(new SubmissionForm().Set("reason", "อีกคำร้องหนึ่งที่ไม่เหมือนเดิมเลย"), key);
        await AssertProblemAsync(response, 422);
        await using var db = Factory.NewDbContext();
        Assert.Equal(1, await db.FootageRequests.CountAsync());
    }

    [Fact]
    public async Task DatabaseFailureAfterTheFilesAreWritten_LeavesNoFileAndNoRow_AndARetrySucceeds()
    {
        var form = new SubmissionForm();
        var key = Guid.NewGuid().ToString();
        Factory.SaveFailure.Arm();

        var failed = await SubmitAsync(form, key);

        await AssertProblemAsync(failed, 503);
        Assert.True(failed.Headers.Contains("Retry-After"));
        Assert.Empty(Factory.StoredFiles());
        await using (var db = Factory.NewDbContext())
        {
            Assert.Equal(0, await db.FootageRequests.CountAsync());
            Assert.Equal(0, await db.IdempotencyRecords.CountAsync());
        }

        var retried = await SubmitAsync(form, key);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(form.Files.Count, Factory.StoredFiles().Count);
    }

    [Fact]
    public async Task StartUpSweep_RemovesLeftoverTemporaryAndUnreferencedFiles_AndKeepsTheRest()
    {
        await SubmitOkAsync(new SubmissionForm());
        var kept = Factory.StoredFiles();
        var store = Factory.Services.GetRequiredService<LocalFileStore>();
        var leftover = Path.Combine(store.TempFolder, "crashed-upload.part");
        var orphan = Path.Combine(store.ObjectsFolder, "2026", "01", "0123456789abcdef0123456789abcdef.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        await File.WriteAllBytesAsync(leftover, SampleFiles.Pdf());
        await File.WriteAllBytesAsync(orphan, SampleFiles.Pdf());

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StorageSweeper>().SweepAsync(CancellationToken.None);
        }

        Assert.False(File.Exists(leftover));
        Assert.False(File.Exists(orphan));
        Assert.Equal(kept.Order(), Factory.StoredFiles().Order());
    }
}

public class IdempotencyCleanupTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task ExpiredRecords_ArePurged_AndFreshOnesKept()
    {
        await SubmitOkAsync(new SubmissionForm(), "fresh-key-0001");
        await SubmitOkAsync(new SubmissionForm(), "stale-key-0001");
        await using (var connection = await Factory.OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE idempotency_records SET created_at = now() - interval '25 hours' WHERE key = 'stale-key-0001'";
            await command.ExecuteNonQueryAsync();
        }

        var removed = await Factory.Services.GetRequiredService<Infrastructure.Jobs.IdempotencyCleanup>().PurgeAsync(CancellationToken.None);

        Assert.Equal(1, removed);
        await using var db = Factory.NewDbContext();
        Assert.Equal(["fresh-key-0001"], await db.IdempotencyRecords.Select(r => r.Key).ToListAsync());
        Assert.Equal(2, await db.FootageRequests.CountAsync()); // the requests themselves stay
    }
}
