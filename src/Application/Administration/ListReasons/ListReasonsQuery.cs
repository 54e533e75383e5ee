using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Administration.ListReasons;

/// <summary>The reasons officers choose from, with both labels (the system's own are not listed).</summary>
public sealed record ListReasonsQuery : IQuery<IReadOnlyList<ReasonDto>>;

public sealed record ReasonDto(string Code, string LabelTh, string LabelEn, bool IsActive, int SortOrder)
{
    public static ReasonDto Of(CancellationReason r) => new(r.Code, r.LabelTh, r.LabelEn, r.IsActive, r.SortOrder);
}

public sealed class ListReasonsHandler(IAppDbContext db) : IQueryHandler<ListReasonsQuery, IReadOnlyList<ReasonDto>>
{
    public async ValueTask<IReadOnlyList<ReasonDto>> Handle(ListReasonsQuery query, CancellationToken cancellationToken) =>
        await db.CancellationReasons.AsNoTracking().Where(r => !r.IsSystem).OrderBy(r => r.SortOrder).ThenBy(r => r.Code)
            .Select(r => new ReasonDto(r.Code, r.LabelTh, r.LabelEn, r.IsActive, r.SortOrder)).ToListAsync(cancellationToken);
}
