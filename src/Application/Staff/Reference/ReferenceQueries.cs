using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Staff.Reference;

/// <summary>The cancellation reasons, with their text in the caller's language, for the cancel dialog.</summary>
public sealed record ListCancellationReasonsQuery : IQuery<IReadOnlyList<CodeTextDto>>;

public sealed record CodeTextDto(string Code, string Text);

/// <summary>Every station, active or not, for the queue's filter.</summary>
public sealed record ListAllStationsQuery : IQuery<IReadOnlyList<StaffStationDto>>;

public sealed record StaffStationDto(int Id, string Name, string NameEn, string District, int FootageRetentionDays, bool IsActive);

public sealed class ReferenceHandlers(IAppDbContext db) :
    IQueryHandler<ListCancellationReasonsQuery, IReadOnlyList<CodeTextDto>>,
    IQueryHandler<ListAllStationsQuery, IReadOnlyList<StaffStationDto>>
{
    public async ValueTask<IReadOnlyList<CodeTextDto>> Handle(ListCancellationReasonsQuery query, CancellationToken cancellationToken)
    {
        var english = Lang.IsEnglish;
        return await db.CancellationReasons.AsNoTracking()
            .Where(r => r.IsActive && !r.IsSystem)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Code)
            .Select(r => new CodeTextDto(r.Code, english ? r.LabelEn : r.LabelTh))
            .ToListAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyList<StaffStationDto>> Handle(ListAllStationsQuery query, CancellationToken cancellationToken) =>
        await db.Stations.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new StaffStationDto(s.Id, s.Name, s.NameEn, s.District, s.FootageRetentionDays, s.IsActive))
            .ToListAsync(cancellationToken);
}
