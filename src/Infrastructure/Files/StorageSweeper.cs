using CctvRequests.Domain.Requests;
using CctvRequests.Infrastructure.Logging;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CctvRequests.Infrastructure.Files;

/// <summary>
/// Removes temporary uploads a stopped process left behind, and permanent files no request points
/// at (a process that died, or a database that went away, between promoting files and committing
/// the row). At start, before requests are served, only the temporary folder is emptied (nothing
/// uploads yet; a start must not wait for millions of files to be listed). Every
/// <see cref="Interval"/> after, files older than <see cref="MinAge"/> are swept, so that no upload
/// or commit in progress is touched: what a crash left is gone within 90 minutes. Keys are checked
/// against the database a thousand at a time, so memory stays small however many files there are.
/// Assumes one API process per storage folder (ADR 0003).
/// </summary>
public sealed class StorageSweeper(LocalFileStore store, AppDbContext db, ILogger<StorageSweeper> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MinAge = TimeSpan.FromHours(1);
    private const int Batch = 1000;

    /// <summary>At start: every temporary upload is a leftover of a stopped process.</summary>
    public int SweepTemporary()
    {
        var temporary = SweepTemporary(DateTime.MaxValue);
        if (temporary > 0)
        {
            logger.Swept(temporary, 0);
        }
        return temporary;
    }

    public Task<(int Temporary, int Unreferenced)> SweepAsync(TimeSpan minAge, CancellationToken cancellationToken) =>
        // File times are the file system's: real time, whatever clock the application runs on.
        SweepAsync(DateTime.UtcNow - minAge, cancellationToken);

    /// <summary>Files last written at or before <paramref name="before"/> (UTC) that no request names.</summary>
    public async Task<(int Temporary, int Unreferenced)> SweepAsync(DateTime before, CancellationToken cancellationToken)
    {
        var temporary = SweepTemporary(before);

        var unreferenced = 0;
        foreach (var batch in store.EnumerateObjects().Where(o => o.LastWriteUtc <= before).Select(o => o.Key).Chunk(Batch))
        {
            var keys = batch.ToList();
            var referenced = (await db.Set<Attachment>().AsNoTracking().Where(a => keys.Contains(a.StorageKey)).Select(a => a.StorageKey).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var key in keys.Where(k => !referenced.Contains(k)))
            {
                await store.DeleteAsync(key);
                unreferenced++;
            }
        }
        if (temporary + unreferenced > 0)
        {
            logger.Swept(temporary, unreferenced);
        }
        return (temporary, unreferenced);
    }

    private int SweepTemporary(DateTime before)
    {
        var temporary = 0;
        foreach (var file in Directory.EnumerateFiles(store.TempFolder).Where(f => File.GetLastWriteTimeUtc(f) <= before).ToList())
        {
            File.Delete(file);
            temporary++;
        }
        return temporary;
    }
}

/// <summary>
/// Right after start, in the background, every file written before this process started that no
/// request names (what a crash left between promoting and committing); then every half hour, files
/// older than an hour. A failure (the database away) is logged and retried.
/// </summary>
public sealed class StorageSweepJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<StorageSweepJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = DateTime.UtcNow;
        // Not on the host's start path: /healthz answers while millions of files are checked.
        await Task.Yield();
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            var (temporary, unreferenced) = await scope.ServiceProvider.GetRequiredService<StorageSweeper>().SweepAsync(started, stoppingToken);
            logger.FirstSweepDone(temporary + unreferenced, Math.Round(watch.Elapsed.TotalSeconds, 1));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.SweepFailed(ex);
        }
        using var timer = new PeriodicTimer(StorageSweeper.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<StorageSweeper>().SweepAsync(StorageSweeper.MinAge, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.SweepFailed(ex);
            }
        }
    }
}
