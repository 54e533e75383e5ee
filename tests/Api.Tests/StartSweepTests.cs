using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>A host whose storage holds, before it starts, a stored file no request names (as a crash between promote and commit leaves).</summary>
public sealed class LeftoverFilesFactory : ApiFactory
{
    public string Orphan => Path.Combine(StorageRoot, "objects", "2026", "01", "0123456789abcdef0123456789abcdef.pdf");

    protected override async Task PrepareDatabaseAsync(string connectionString)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Orphan)!);
        await File.WriteAllBytesAsync(Orphan, SampleFiles.Pdf());
    }
}

/// <summary>The start does not wait for the stored files to be listed; what a crash left is removed right after, in the background.</summary>
public sealed class StartSweepTests(LeftoverFilesFactory factory) : IClassFixture<LeftoverFilesFactory>
{
    private const string Done = "The storage sweep after start is done: 1 files removed";

    [Fact]
    public async Task AFileACrashLeft_IsGoneSoonAfterStart()
    {
        for (var i = 0; i < 100 && !factory.Logs.Lines.Any(l => l.Contains(Done, StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(factory.Logs.Lines, l => l.Contains(Done, StringComparison.Ordinal));
        Assert.False(File.Exists(factory.Orphan));
    }
}
