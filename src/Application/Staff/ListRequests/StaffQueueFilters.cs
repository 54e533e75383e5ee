using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;

namespace CctvRequests.Application.Staff.ListRequests;

/// <summary>Every filter of the queue but the status (the counts per status use the rest).</summary>
public static class StaffQueueFilters
{
    public static IQueryable<FootageRequest> Apply(IQueryable<FootageRequest> requests, ListStaffRequestsQuery query)
    {
        if (query.StationId is { } station)
        {
            requests = requests.Where(r => r.StationId == station);
        }
        if (query.SubmittedFrom is { } submittedFrom)
        {
            var from = StartOf(submittedFrom);
            requests = requests.Where(r => r.SubmittedAt >= from);
        }
        if (query.SubmittedTo is { } submittedTo)
        {
            var until = StartOf(submittedTo.AddDays(1));
            requests = requests.Where(r => r.SubmittedAt < until);
        }
        if (query.IncidentFrom is { } incidentFrom)
        {
            requests = requests.Where(r => r.IncidentDate >= incidentFrom);
        }
        if (query.IncidentTo is { } incidentTo)
        {
            requests = requests.Where(r => r.IncidentDate <= incidentTo);
        }
        return query.Search is { } search ? Matching(requests, search) : requests;
    }

    /// <summary>A reference number, a national ID, a passport number, or part of a name.</summary>
    private static IQueryable<FootageRequest> Matching(IQueryable<FootageRequest> requests, string search)
    {
        if (ReferenceNumber.TryParse(search, out var reference))
        {
            return requests.Where(r => r.ReferenceNumber == reference);
        }
        if (NationalId.TryParse(search, out var nationalId))
        {
            return requests.Where(r => r.Applicant.Identity.Kind == IdentityDocumentKind.NationalId && r.Applicant.Identity.Number == nationalId.Value);
        }
        var text = search.ToLowerInvariant();
        var passport = PassportNumber.TryParse(search, out var number) ? number.Value : null;
        return requests.Where(r =>
            (r.Applicant.Title + r.Applicant.FirstName + " " + r.Applicant.LastName).ToLower().Contains(text)
            || (passport != null && r.Applicant.Identity.Kind == IdentityDocumentKind.Passport && r.Applicant.Identity.Number == passport));
    }

    /// <summary>Midnight in Bangkok, as the instant submissions are stored in.</summary>
    private static DateTimeOffset StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), BangkokTime.Offset).ToUniversalTime();
}
