using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Requests.Lookup;

/// <summary>
/// การตรวจสอบผล by national ID or passport: the applicant's requests with little disclosed (no name,
/// address, phone or file). An unknown document answers an empty list through the same query, so
/// the answer does not tell whether it exists.
/// </summary>
public sealed record LookupRequestsQuery(IdentityDocument Identity) : IQuery<IReadOnlyList<StatusSummaryDto>>
{
    public override string ToString() => nameof(LookupRequestsQuery);
}

public sealed record StatusSummaryDto(
    string ReferenceNumber,
    string Status,
    string StatusText,
    int StationId,
    string StationName,
    DateOnly IncidentDate,
    DateTimeOffset SubmittedAt);

public sealed class LookupRequestsHandler(IAppDbContext db, IThrottle throttle, IIdentityIndex index, ReferenceData reference)
    : IQueryHandler<LookupRequestsQuery, IReadOnlyList<StatusSummaryDto>>
{
    public const int MaxResults = 50;

    public async ValueTask<IReadOnlyList<StatusSummaryDto>> Handle(LookupRequestsQuery query, CancellationToken cancellationToken)
    {
        var id = query.Identity;
        await throttle.ForDocumentAsync(ThrottlePolicy.Lookup, id, cancellationToken);
        // One indexed read (the blind index); station names from the cache, not a join.
        var rows = await db.FootageRequests
            .OfPerson(index, id)
            .OrderByDescending(r => r.SubmittedAt)
            .Take(MaxResults)
            .Select(r => new { r.ReferenceNumber, r.Status, r.StationId, r.IncidentDate, r.SubmittedAt })
            .ToListAsync(cancellationToken);
        var stations = await reference.StationsAsync(db, cancellationToken);
        return rows
            .Select(r => new StatusSummaryDto(
                r.ReferenceNumber.Value, r.Status.ToString(), Lang.Of(RequestStatusText.Of(r.Status)), r.StationId,
                stations.TryGetValue(r.StationId, out var name) ? Lang.Of(name) : string.Empty, r.IncidentDate, r.SubmittedAt))
            .ToList();
    }
}
