using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Staff;

/// <summary>Every station's name in both languages, active or not (a closed station's old requests keep its name).</summary>
public static class StationNames
{
    public static async Task<IReadOnlyDictionary<int, Text>> AllAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        (await db.Stations.AsNoTracking().Select(s => new { s.Id, s.Name, s.NameEn }).ToListAsync(cancellationToken))
        .ToDictionary(s => s.Id, s => new Text(s.Name, s.NameEn));
}
