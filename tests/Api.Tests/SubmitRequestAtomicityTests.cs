using System.Net;
using CctvRequests.Infrastructure.Files;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Api.Tests;

/// <summary>A request is saved with all its files or not at all.</summary>
public class SubmitRequestAtomicityTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task DatabaseFailureAfterTheFilesAreWritten_LeavesNoFileAndNoRow_AndARetrySucceeds()
    {
        var form = new SubmissionForm();
        var key = Guid.NewGuid().ToString();
        Factory.SaveFailure.Arm();

        var failed = await SubmitAsync(form, key);

        await AssertProblemAsync(failed, 503);
        Assert.True(failed.Headers.Contains("Retry-After"));
        await AssertNothingStoredAsync();

        var retried = await SubmitAsync(form, key);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(form.Files.Count, Factory.StoredFiles().Count);
    }

    [Fact]
    public async Task ACommitThatNeverReachedPostgreSql_Answers503_AndItsFilesAreDeletedAtOnce()
    {
        Factory.CommitFailure.ArmBeforeCommit();

        var failed = await SubmitAsync(new SubmissionForm());

        await AssertProblemAsync(failed, 503);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ACommitDoneButWhoseAnswerWasLost_IsASuccess_AndItsFilesStay()
    {
        var form = new SubmissionForm();
        Factory.CommitFailure.ArmAfterCommit();

        await SubmitOkAsync(form);

        await using var db = Factory.NewDbContext();
        var stored = await db.FootageRequests.Include(r => r.Attachments).SingleAsync();
        Assert.Equal(form.Files.Count, Factory.StoredFiles().Count);
        Assert.All(stored.Attachments, a => Assert.Contains(Factory.StoredFiles(), f => f.EndsWith(a.StorageKey, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheReconciler_LeavesRecentFilesAlone()
    {
        var store = Factory.Services.GetRequiredService<LocalFileStore>();
        var recent = Path.Combine(store.ObjectsFolder, "2026", "02", "fedcba9876543210fedcba9876543210.pdf");
        var old = Path.Combine(store.ObjectsFolder, "2026", "02", "00000000000000000000000000000000.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(recent)!);
        await File.WriteAllBytesAsync(recent, SampleFiles.Pdf());
        await File.WriteAllBytesAsync(old, SampleFiles.Pdf());
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-2));

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<StorageReconciler>().ReconcileAsync(DateTime.UtcNow.AddHours(-1), CancellationToken.None);
            Assert.Equal((0, 1), (result.Scratch, result.Unreferenced));
        }

        Assert.True(File.Exists(recent));
        Assert.False(File.Exists(old));
    }

    [Fact]
    public async Task Reconciling_RemovesLeftoverScratchAndUnreferencedFiles_AndKeepsTheRest()
    {
        await SubmitOkAsync(new SubmissionForm());
        var kept = Factory.StoredFiles();
        var store = Factory.Services.GetRequiredService<LocalFileStore>();
        var leftover = Path.Combine(store.Staging.Folder, "crashed-upload.part");
        var orphan = Path.Combine(store.ObjectsFolder, "2026", "01", "0123456789abcdef0123456789abcdef.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        await File.WriteAllBytesAsync(leftover, SampleFiles.Pdf());
        await File.WriteAllBytesAsync(orphan, SampleFiles.Pdf());

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var reconciler = scope.ServiceProvider.GetRequiredService<StorageReconciler>();
            // At start, the scratch folder only.
            Assert.Equal(1, reconciler.SweepScratch(DateTime.MaxValue));
            Assert.True(File.Exists(orphan));
            var result = await reconciler.ReconcileAsync(DateTime.UtcNow, CancellationToken.None);
            Assert.Equal((0, 1), (result.Scratch, result.Unreferenced));
        }

        Assert.False(File.Exists(leftover));
        Assert.False(File.Exists(orphan));
        Assert.Equal(kept.Order(), Factory.StoredFiles().Order());
    }
}
