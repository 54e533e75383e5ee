using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CctvRequests.Application.PersonalData.SearchSubject;

/// <summary>Every request of one person, found through the blind index; the search itself is audited (without the document).</summary>
public sealed record SearchSubjectQuery(IdentityDocument Document) : IQuery<SubjectDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.SearchSubject;

    public string? AuditReference => null;

    public override string ToString() => nameof(SearchSubjectQuery);
}

public sealed record SubjectDto(SubjectSummaryDto Subject, IReadOnlyList<SubjectRequestDto> Requests, IReadOnlyList<RightsRequestDto> RightsRequests);

public sealed record SubjectSummaryDto(string DocumentKind, string DocumentMasked, string Label);

/// <summary>One of the person's requests; <c>RetentionEndsOn</c> is the day the retention run erases a closed one (null while open or once erased).</summary>
public sealed record SubjectRequestDto(
    string ReferenceNumber, string Status, string StatusText, string StationName, DateTimeOffset SubmittedAt, DateTimeOffset? ClosedAt,
    string ApplicantName, bool Erased, DateOnly? RetentionEndsOn);

public sealed class SearchSubjectHandler(IAppDbContext db, IIdentityIndex index, IOptions<RetentionOptions> retention, TimeProvider clock, ReferenceData reference)
    : IQueryHandler<SearchSubjectQuery, SubjectDto>
{
    public async ValueTask<SubjectDto> Handle(SearchSubjectQuery query, CancellationToken cancellationToken)
    {
        var document = query.Document;
        var requests = await db.FootageRequests.AsNoTracking().OfPerson(index, document).OrderByDescending(r => r.SubmittedAt).ToListAsync(cancellationToken);
        var stations = await reference.StationsAsync(db, cancellationToken);
        var key = index.Of(document);
        var rights = await db.SubjectRightsRequests.AsNoTracking().Where(r => r.SubjectIndex == key).OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
        var today = BangkokTime.Today(clock);
        return new SubjectDto(
            new SubjectSummaryDto(document.Kind.ToString(), document.Masked, SubjectDocuments.Label(document)),
            requests.Select(r => new SubjectRequestDto(
                r.ReferenceNumber.Value, r.Status.ToString(), Lang.Of(RequestStatusText.Of(r.Status)), StationName(stations, r.StationId), r.SubmittedAt, r.DecidedAt,
                r.Applicant.FullName, r.ErasedAt is not null,
                r.DecidedAt is { } closed && r.ErasedAt is null ? BangkokTime.DateOf(closed).AddYears(retention.Value.Years) : null)).ToList(),
            rights.Select(r => RightsRequestDto.Of(r, today)).ToList());
    }

    private static string StationName(IReadOnlyDictionary<int, Text> stations, int id) =>
        stations.TryGetValue(id, out var name) ? Lang.Of(name) : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
