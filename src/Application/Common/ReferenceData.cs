using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Common;

/// <summary>
/// Station names and cancellation-reason labels: a dozen rows read on almost every request and
/// changed a few times a year by an administrator. Kept in memory and dropped, exactly, when a
/// command that changes them completes (<see cref="IChangesReferenceData"/>, after its commit). Each
/// load carries the version it started under, so a load that raced an invalidation is never used.
/// </summary>
public sealed class ReferenceData : IReferenceDataListener
{
    private Entry? _entry;
    private long _version;

    private sealed record Entry(long Version, Snapshot Data);

    public sealed record Snapshot(IReadOnlyDictionary<int, Text> Stations, IReadOnlyDictionary<string, Text> Reasons);

    public async ValueTask<Snapshot> GetAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var version = Interlocked.Read(ref _version);
        if (Volatile.Read(ref _entry) is { } cached && cached.Version == version)
        {
            return cached.Data;
        }
        var stations = (await db.Stations.AsNoTracking().Select(s => new { s.Id, s.Name, s.NameEn }).ToListAsync(cancellationToken))
            .ToDictionary(s => s.Id, s => new Text(s.Name, s.NameEn));
        var reasons = (await db.CancellationReasons.AsNoTracking().Select(r => new { r.Code, r.LabelTh, r.LabelEn }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Code, r => new Text(r.LabelTh, r.LabelEn), StringComparer.Ordinal);
        var loaded = new Snapshot(stations, reasons);
        Volatile.Write(ref _entry, new Entry(version, loaded));
        return loaded;
    }

    public async ValueTask<IReadOnlyDictionary<int, Text>> StationsAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        (await GetAsync(db, cancellationToken)).Stations;

    public async ValueTask<IReadOnlyDictionary<string, Text>> ReasonsAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        (await GetAsync(db, cancellationToken)).Reasons;

    public ValueTask ChangedAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _version);
        return ValueTask.CompletedTask;
    }
}
