using CctvRequests.Application.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Stations.ListStations;

/// <summary>The active camera stations, in the organization's order, for the form's เหตุเกิดบริเวณ list.</summary>
public sealed record ListStationsQuery : IQuery<IReadOnlyList<StationDto>>;

public sealed record StationDto(int Id, string Name, string NameEn, string District, int FootageRetentionDays);

public sealed class ListStationsHandler(IAppDbContext db) : IQueryHandler<ListStationsQuery, IReadOnlyList<StationDto>>
{
    public async ValueTask<IReadOnlyList<StationDto>> Handle(ListStationsQuery query, CancellationToken cancellationToken) =>
        await db.Stations.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new StationDto(s.Id, s.Name, s.NameEn, s.District, s.FootageRetentionDays))
            .ToListAsync(cancellationToken);
}
