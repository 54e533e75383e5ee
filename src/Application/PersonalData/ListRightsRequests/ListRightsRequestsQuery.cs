using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.PersonalData.ListRightsRequests;

/// <summary>Which rights requests the list shows.</summary>
public enum RightsRequestsShown
{
    /// <summary>Not done yet, nearest deadline first (the default).</summary>
    Open,

    /// <summary>Done, the latest first.</summary>
    Done,

    /// <summary>Open ones by deadline, then done ones.</summary>
    All,
}

public sealed record ListRightsRequestsQuery(RightsRequestsShown Shown) : IQuery<IReadOnlyList<RightsRequestDto>>
{
    /// <summary>The <c>status</c> of the query string: <c>done</c>, <c>all</c>, or anything else for the open ones.</summary>
    public static ListRightsRequestsQuery Of(string? status) => new(status?.Trim().ToLowerInvariant() switch
    {
        "done" => RightsRequestsShown.Done,
        "all" => RightsRequestsShown.All,
        _ => RightsRequestsShown.Open,
    });
}

public sealed class ListRightsRequestsHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListRightsRequestsQuery, IReadOnlyList<RightsRequestDto>>
{
    public const int MaxRows = 500;

    public async ValueTask<IReadOnlyList<RightsRequestDto>> Handle(ListRightsRequestsQuery query, CancellationToken cancellationToken)
    {
        var rows = db.SubjectRightsRequests.AsNoTracking();
        rows = query.Shown switch
        {
            RightsRequestsShown.Done => rows.Where(r => r.DoneAt != null).OrderByDescending(r => r.DoneAt),
            RightsRequestsShown.All => rows.OrderBy(r => r.DoneAt != null).ThenBy(r => r.Deadline),
            _ => rows.Where(r => r.DoneAt == null).OrderBy(r => r.Deadline),
        };
        var today = BangkokTime.Today(clock);
        return (await rows.Take(MaxRows).ToListAsync(cancellationToken)).Select(r => RightsRequestDto.Of(r, today)).ToList();
    }
}
