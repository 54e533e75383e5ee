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
    public ValueTask<IReadOnlyList<CodeTextDto>> Handle(ListCancellationReasonsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<CodeTextDto>>(Enum.GetValues<CancellationReason>()
            .Select(r => new CodeTextDto(r.ToString(), Lang.Of(CancellationReasonText.Of(r)))).ToList());

    public async ValueTask<IReadOnlyList<StaffStationDto>> Handle(ListAllStationsQuery query, CancellationToken cancellationToken) =>
        await db.Stations.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new StaffStationDto(s.Id, s.Name, s.NameEn, s.District, s.FootageRetentionDays, s.IsActive))
            .ToListAsync(cancellationToken);
}
