using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>
/// A host whose storage holds, before it starts, two stored files no request names (as a crash
/// between promote and commit leaves): one written two hours ago, one just now; and a scratch file.
/// Its periodic reconciler is on, as in production.
/// </summary>
public sealed class LeftoverFilesFactory : ApiFactory
{
    public string OldOrphan => Path.Combine(StorageRoot, "objects", "2026", "01", "0123456789abcdef0123456789abcdef.pdf");

    public string RecentOrphan => Path.Combine(StorageRoot, "objects", "2026", "01", "fedcba9876543210fedcba9876543210.pdf");

    public string Scratch => Path.Combine(StorageRoot, "tmp", "crashed.part");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:ReconcileEvery"] = "00:30:00",
    };

    protected override async Task PrepareDatabaseAsync(string connectionString)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(OldOrphan)!);
        Directory.CreateDirectory(Path.GetDirectoryName(Scratch)!);
        await File.WriteAllBytesAsync(OldOrphan, SampleFiles.Pdf());
        await File.WriteAllBytesAsync(RecentOrphan, SampleFiles.Pdf());
        await File.WriteAllBytesAsync(Scratch, SampleFiles.Pdf());
        File.SetLastWriteTimeUtc(OldOrphan, DateTime.UtcNow.AddHours(-2));
    }
}

/// <summary>
/// The start empties only the node's scratch folder; the reconciler runs in the background soon
/// after, under its job lock, and removes only what is older than an hour (another node may be
/// committing the rest).
/// </summary>
public sealed class StorageReconcileJobTests(LeftoverFilesFactory factory) : IClassFixture<LeftoverFilesFactory>
{
    private const string Done = "The storage reconciliation is done";

    [Fact]
    public async Task AfterStart_OnlyWhatIsOlderThanAnHour_IsRemoved()
    {
        _ = factory.Services;
        Assert.False(File.Exists(factory.Scratch));
        for (var i = 0; i < 100 && !factory.Logs.Lines.Any(l => l.Contains(Done, StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(factory.Logs.Lines, l => l.Contains(Done, StringComparison.Ordinal));
        Assert.False(File.Exists(factory.OldOrphan));
        Assert.True(File.Exists(factory.RecentOrphan));
    }
}
