using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Requests.LookupByNationalId;

/// <summary>
/// การตรวจสอบผล by national ID: the citizen's requests with little disclosed (no name, address,
/// phone or file). An unknown ID answers an empty list through the same query, so the answer
/// and its timing do not tell whether the ID exists.
/// </summary>
public sealed record LookupRequestsByNationalIdQuery(string? NationalId) : IQuery<IReadOnlyList<StatusSummaryDto>>
{
    public override string ToString() => nameof(LookupRequestsByNationalIdQuery);
}

public sealed record StatusSummaryDto(
    string ReferenceNumber,
    string Status,
    string StatusText,
    string StationName,
    DateOnly IncidentDate,
    DateTimeOffset SubmittedAt);

public sealed class LookupRequestsByNationalIdHandler(IAppDbContext db, ILookupThrottle throttle)
    : IQueryHandler<LookupRequestsByNationalIdQuery, IReadOnlyList<StatusSummaryDto>>
{
    public const int MaxResults = 50;

    public async ValueTask<IReadOnlyList<StatusSummaryDto>> Handle(LookupRequestsByNationalIdQuery query, CancellationToken cancellationToken)
    {
        var id = Domain.Common.NationalId.Parse(query.NationalId!);
        throttle.ForNationalId(id);

        var rows = await db.FootageRequests.AsNoTracking()
            .Where(r => r.Applicant.NationalId == id)
            .OrderByDescending(r => r.SubmittedAt)
            .Take(MaxResults)
            .Join(db.Stations, r => r.StationId, s => s.Id, (r, s) => new { r.ReferenceNumber, r.Status, s.Name, r.IncidentDate, r.SubmittedAt })
            .ToListAsync(cancellationToken);

        return rows
            .Select(r => new StatusSummaryDto(r.ReferenceNumber.Value, r.Status.ToString(), RequestStatusText.Thai(r.Status), r.Name, r.IncidentDate, r.SubmittedAt))
            .ToList();
    }
}
