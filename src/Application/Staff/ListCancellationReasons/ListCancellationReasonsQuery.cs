using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Staff.ListCancellationReasons;

/// <summary>The cancellation reasons, with their text in the caller's language, for the cancel dialog.</summary>
public sealed record ListCancellationReasonsQuery : IQuery<IReadOnlyList<CodeTextDto>>;

public sealed class ListCancellationReasonsHandler(IAppDbContext db) : IQueryHandler<ListCancellationReasonsQuery, IReadOnlyList<CodeTextDto>>
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
}
