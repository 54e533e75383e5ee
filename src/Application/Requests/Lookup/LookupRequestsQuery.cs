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

    private sealed record Row(ReferenceNumber ReferenceNumber, RequestStatus Status, int StationId, DateOnly IncidentDate, DateTimeOffset SubmittedAt);

    /// <summary>
    /// Compiled once (issue 23: building the LINQ expression and EF's funcletizer and cache lookup cost more CPU than
    /// the read). A passport's country is checked too; a national ID has none.
    /// </summary>
    private static readonly Func<DbContext, byte[], string?, IAsyncEnumerable<Row>> ByIndex = EF.CompileAsyncQuery(
        (DbContext context, byte[] key, string? country) => context.Set<FootageRequest>()
            .Where(r => EF.Property<byte[]>(r, IdentitySearch.Property) == key && (country == null || r.Applicant.Identity.Country == country))
            .OrderByDescending(r => r.SubmittedAt)
            .Take(MaxResults)
            .Select(r => new Row(r.ReferenceNumber, r.Status, r.StationId, r.IncidentDate, r.SubmittedAt)));

    public async ValueTask<IReadOnlyList<StatusSummaryDto>> Handle(LookupRequestsQuery query, CancellationToken cancellationToken)
    {
        var id = query.Identity;
        await throttle.ForDocumentAsync(ThrottlePolicy.Lookup, id, cancellationToken);
        // One indexed read (the blind index); station names from the cache, not a join.
        var rows = new List<Row>();
        await foreach (var row in ByIndex((DbContext)db, index.Of(id), id.Kind == IdentityDocumentKind.Passport ? id.Country : null).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }
        var stations = await reference.StationsAsync(db, cancellationToken);
        return rows
            .Select(r => new StatusSummaryDto(
                r.ReferenceNumber.Value, r.Status.ToString(), Lang.Of(RequestStatusText.Of(r.Status)), r.StationId,
                stations.TryGetValue(r.StationId, out var name) ? Lang.Of(name) : string.Empty, r.IncidentDate, r.SubmittedAt))
            .ToList();
    }
}
