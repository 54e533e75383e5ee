using CctvRequests.Application.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Staff.ListAllStations;

/// <summary>Every station, active or not, for the queue's filter and the settings page.</summary>
public sealed record ListAllStationsQuery : IQuery<IReadOnlyList<StaffStationDto>>;

public sealed record StaffStationDto(int Id, string Name, string NameEn, string District, int FootageRetentionDays, bool IsActive);

public sealed class ListAllStationsHandler(IAppDbContext db) : IQueryHandler<ListAllStationsQuery, IReadOnlyList<StaffStationDto>>
{
    public async ValueTask<IReadOnlyList<StaffStationDto>> Handle(ListAllStationsQuery query, CancellationToken cancellationToken) =>
        await db.Stations.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new StaffStationDto(s.Id, s.Name, s.NameEn, s.District, s.FootageRetentionDays, s.IsActive))
            .ToListAsync(cancellationToken);
}
