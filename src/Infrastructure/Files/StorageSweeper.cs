using CctvRequests.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CctvRequests.Infrastructure.Files;

/// <summary>
/// Runs once at start, before requests are served: removes temporary uploads a stopped process
/// left behind, and permanent files no request points at (a process that died between promoting
/// files and committing the row). After it, every stored file belongs to a saved request.
/// Assumes one API process per storage folder (ADR 0003).
/// </summary>
public sealed class StorageSweeper(LocalFileStore store, AppDbContext db, ILogger<StorageSweeper> logger)
{
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var temp = 0;
        foreach (var file in Directory.EnumerateFiles(store.TempFolder))
        {
            File.Delete(file);
            temp++;
        }

        var known = (await db.Set<Domain.Requests.Attachment>().AsNoTracking().Select(a => a.StorageKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var orphans = 0;
        foreach (var (key, _) in store.EnumerateObjects().ToList())
        {
            if (!known.Contains(key))
            {
                await store.DeleteAsync(key);
                orphans++;
            }
        }
        if (temp + orphans > 0)
        {
            logger.LogWarning("Start-up sweep removed {Temp} temporary and {Orphans} unreferenced files", temp, orphans);
        }
    }
}
