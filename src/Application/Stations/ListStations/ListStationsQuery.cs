using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Stations.ListStations;

/// <summary>The active camera stations, in the organization's order, for the form's เหตุเกิดบริเวณ list.</summary>
public sealed record ListStationsQuery : IQuery<IReadOnlyList<StationDto>>;

/// <summary>A station; <c>name</c> is in the caller's language.</summary>
public sealed record StationDto(int Id, string Name, string District, int FootageRetentionDays);

public sealed class ListStationsHandler(IAppDbContext db) : IQueryHandler<ListStationsQuery, IReadOnlyList<StationDto>>
{
    public async ValueTask<IReadOnlyList<StationDto>> Handle(ListStationsQuery query, CancellationToken cancellationToken)
    {
        var english = Lang.IsEnglish;
        return await db.Stations.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new StationDto(s.Id, english ? s.NameEn : s.Name, s.District, s.FootageRetentionDays))
            .ToListAsync(cancellationToken);
    }
}
