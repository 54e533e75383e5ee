using System.Diagnostics;
using CctvRequests.Domain.Requests;
using CctvRequests.Infrastructure.Jobs;
using CctvRequests.Infrastructure.Logging;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure.Files;

/// <summary>What one reconciliation did.</summary>
public sealed record ReconcileResult(int Scratch, long Listed, int Pages, int Unreferenced, int Unfinished)
{
    public int Removed => Scratch + Unreferenced + Unfinished;
}

/// <summary>What the store holds against what the database names (the <c>storage check</c> command).</summary>
public sealed record StorageCheck(long Objects, long Referenced, long Unreferenced, long Attachments, long Missing);

/// <summary>
/// Removes what a process that died, or a database that went away, left between promoting files
/// and committing the rows: permanent objects that no attachment names, older than
/// <see cref="StorageOptions.ReconcileMinAge"/> (so no upload or commit in progress is touched),
/// and multipart uploads never finished. The store is listed a page at a time and each page's keys
/// are checked against the database in one query, so memory stays flat however many objects there
/// are. Only keys of the store's own shape are ever deleted. Safe with many nodes: a run holds
/// the job lock <c>storage-reconcile</c>, and the node's own scratch folder is swept apart from it.
/// </summary>
public sealed class StorageReconciler(IStoredObjects store, AppDbContext db, IOptions<StorageOptions> options, ILogger<StorageReconciler> logger)
{
    public const string Job = "storage-reconcile";

    /// <summary>The node's scratch files last written at or before <paramref name="before"/>.</summary>
    public int SweepScratch(DateTime before) => store.Staging.Sweep(before);

    /// <summary>Objects last written at or before <paramref name="before"/> (UTC, the store's clock) that no request names.</summary>
    public async Task<ReconcileResult> ReconcileAsync(DateTime before, CancellationToken cancellationToken)
    {
        var scratch = SweepScratch(before);
        long listed = 0;
        int pages = 0, unreferenced = 0;
        await foreach (var page in store.ListAsync(options.Value.ReconcilePageSize, cancellationToken))
        {
            pages++;
            listed += page.Count;
            var candidates = page.Where(o => o.LastModifiedUtc <= before && StagingArea.IsStoreKey(o.Key)).Select(o => o.Key).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }
            var referenced = await ReferencedAsync(candidates, cancellationToken);
            var orphans = candidates.Where(k => !referenced.Contains(k)).ToList();
            if (orphans.Count > 0)
            {
                await store.DeleteAsync(orphans, cancellationToken);
                unreferenced += orphans.Count;
                Application.Behaviors.AppTelemetry.OrphansRemoved.Add(orphans.Count);
            }
        }
        var unfinished = await store.AbortUnfinishedAsync(before, cancellationToken);
        var result = new ReconcileResult(scratch, listed, pages, unreferenced, unfinished);
        if (result.Removed > 0)
        {
            logger.Reconciled(scratch, unreferenced, unfinished);
        }
        return result;
    }

    /// <summary>Counts, without deleting anything: objects, those a request names, attachments whose object is missing.</summary>
    public async Task<StorageCheck> CheckAsync(CancellationToken cancellationToken)
    {
        long objects = 0, referenced = 0;
        await foreach (var page in store.ListAsync(options.Value.ReconcilePageSize, cancellationToken))
        {
            objects += page.Count;
            referenced += (await ReferencedAsync(page.Select(o => o.Key).ToList(), cancellationToken)).Count;
        }
        // Attachments and the clips of online copies still held: every row that names a stored object.
        var attachments = await db.Set<Attachment>().LongCountAsync(cancellationToken)
                          + await db.Set<DeliveredClip>().LongCountAsync(c => c.StorageKey != null, cancellationToken);
        return new StorageCheck(objects, referenced, objects - referenced, attachments, attachments - referenced);
    }

    private async Task<HashSet<string>> ReferencedAsync(List<string> keys, CancellationToken cancellationToken)
    {
        var attachments = await db.Set<Attachment>().AsNoTracking().Where(a => keys.Contains(a.StorageKey)).Select(a => a.StorageKey).ToListAsync(cancellationToken);
        var clips = await db.Set<DeliveredClip>().AsNoTracking().Where(c => c.StorageKey != null && keys.Contains(c.StorageKey)).Select(c => c.StorageKey!).ToListAsync(cancellationToken);
        return attachments.Concat(clips).ToHashSet(StringComparer.Ordinal);
    }
}

/// <summary>
/// Every <see cref="StorageOptions.ReconcileEvery"/> (0 turns it off; the first run a few seconds after start, in
/// the background: /healthz answers while millions of objects are checked): the node's scratch
/// files older than the minimum age, then, on one node at a time, the store's objects. A failure
/// (the database or the storage away) is logged and the next interval tries again.
/// </summary>
public sealed class StorageReconcileJob(IServiceScopeFactory scopes, JobLock jobLock, IOptions<StorageOptions> options, ILogger<StorageReconcileJob> logger)
    : BackgroundService
{
    /// <summary>Below this, a submission still sending its files or committing could lose them (test scripts only).</summary>
    public static readonly TimeSpan SafeMinAge = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.ReconcileEvery;
        if (every <= TimeSpan.Zero)
        {
            // Off (Storage:ReconcileEvery=0): only the `storage reconcile` command runs it.
            return;
        }
        if (options.Value.ReconcileMinAge < SafeMinAge)
        {
            logger.ReconcileMinAgeShort(options.Value.ReconcileMinAge.ToString());
        }
        try
        {
            // Real time, as the objects' own times are. The start finishes first; the scratch folder was emptied before serving.
            await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            while (true)
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(every, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            // File and object times are the servers' own: real time, whatever clock the application runs on.
            var before = DateTime.UtcNow - options.Value.ReconcileMinAge;
            await using var scope = scopes.CreateAsyncScope();
            var reconciler = scope.ServiceProvider.GetRequiredService<StorageReconciler>();
            var scratch = reconciler.SweepScratch(before);
            var watch = Stopwatch.StartNew();
            await jobLock.RunAloneAsync(StorageReconciler.Job, async ct =>
            {
                var result = await reconciler.ReconcileAsync(before, ct);
                logger.ReconcileDone(result.Listed, result.Pages, result.Removed + scratch, Math.Round(watch.Elapsed.TotalSeconds, 1));
            }, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.ReconcileFailed(ex);
        }
    }
}
