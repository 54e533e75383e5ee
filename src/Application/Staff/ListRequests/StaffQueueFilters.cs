using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Staff.ListRequests;

/// <summary>Every filter of the queue but the status (the counts per status use the rest).</summary>
public static class StaffQueueFilters
{
    public static IQueryable<FootageRequest> Apply(IQueryable<FootageRequest> requests, ListStaffRequestsQuery query, IIdentityIndex index)
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
        return query.Search is { } search ? Matching(requests, search, index) : requests;
    }

    /// <summary>A reference number, a national ID, a passport number, or part of a name.</summary>
    private static IQueryable<FootageRequest> Matching(IQueryable<FootageRequest> requests, string search, IIdentityIndex index)
    {
        if (ReferenceNumber.TryParse(search, out var reference))
        {
            return requests.Where(r => r.ReferenceNumber == reference);
        }
        if (NationalId.TryParse(search, out var nationalId))
        {
            return requests.WithNumber(index, IdentityDocumentKind.NationalId, nationalId.Value);
        }
        // LIKE over exactly the expression of the trigram index ix_footage_requests_applicant_name_trgm,
        // planned as a search through that index (QueryTags.IndexSearch): only the value shows how rare a name is.
        requests = requests.TagWith(QueryTags.IndexSearch);
        var pattern = "%" + EscapeLike(search.ToLowerInvariant()) + "%";
        if (!PassportNumber.TryParse(search, out var passport))
        {
            return requests.Where(r => EF.Functions.Like((r.Applicant.Title + r.Applicant.FirstName + " " + r.Applicant.LastName).ToLower(), pattern));
        }
        var passportKey = index.Of(IdentityDocumentKind.Passport, passport.Value);
        return requests.Where(r =>
            EF.Functions.Like((r.Applicant.Title + r.Applicant.FirstName + " " + r.Applicant.LastName).ToLower(), pattern)
            || EF.Property<byte[]>(r, IdentitySearch.Property) == passportKey);
    }

    /// <summary>What was typed is matched as text: % and _ are not wildcards (PostgreSQL's LIKE escapes with a backslash).</summary>
    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>Midnight in Bangkok, as the instant submissions are stored in.</summary>
    private static DateTimeOffset StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), BangkokTime.Offset).ToUniversalTime();
}
