using System.Text.Json.Serialization;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Staff.ListRequests;

/// <summary>The officers' queue: filtered, searched, counted per status, sorted by the footage clock by default.</summary>
public sealed record ListStaffRequestsQuery(
    IReadOnlyList<RequestStatus> Statuses,
    int? StationId,
    DateOnly? SubmittedFrom,
    DateOnly? SubmittedTo,
    DateOnly? IncidentFrom,
    DateOnly? IncidentTo,
    string? Search,
    QueueSort Sort,
    int Page,
    int PageSize,
    bool Export = false) : IQuery<StaffQueueDto>, IAuditedMessage
{
    /// <summary>The most rows one export carries.</summary>
    public const int MaxExportRows = 100_000;

    /// <summary>
    /// Every read is recorded (a page of the queue names up to a hundred applicants): an export, a search, or a
    /// page; with the filters and how many rows it showed, never what was typed in the search.
    /// </summary>
    public AuditAction? AuditAction => Export ? Audit.AuditAction.ExportRequests : Search is null ? Audit.AuditAction.ViewQueue : Audit.AuditAction.SearchRequests;

    public string? AuditReference => null;

    public string? AuditDetails => string.Join("; ", Filters());

    public string? AuditDetailsFor(object? response) =>
        response is StaffQueueDto queue ? $"{AuditDetails}; {queue.Items.Count} rows of {queue.Total}" : AuditDetails;

    private IEnumerable<string> Filters()
    {
        yield return "status " + (Statuses.Count == 0 ? "all" : string.Join(",", Statuses));
        if (StationId is { } station)
        {
            yield return $"station {station}";
        }
        if (SubmittedFrom is not null || SubmittedTo is not null)
        {
            yield return $"submitted {SubmittedFrom:yyyy-MM-dd}..{SubmittedTo:yyyy-MM-dd}";
        }
        if (IncidentFrom is not null || IncidentTo is not null)
        {
            yield return $"incident {IncidentFrom:yyyy-MM-dd}..{IncidentTo:yyyy-MM-dd}";
        }
        if (Search is not null)
        {
            yield return $"search of {Search.Length} characters";
        }
        yield return $"sort {Sort}";
        yield return Export ? "export" : $"page {Page} of {PageSize}";
    }

    public override string ToString() => nameof(ListStaffRequestsQuery);
}

public sealed record StaffQueueDto(IReadOnlyList<QueueRowDto> Items, int Total, int Page, int PageSize, IReadOnlyDictionary<string, int> Counts);

/// <summary>One row of the queue. Mapped from the request by Mapster in the SQL projection; the texts and the clock are filled after.</summary>
public sealed record QueueRowDto
{
    public string ReferenceNumber { get; init; } = string.Empty;

    [JsonConverter(typeof(JsonStringEnumConverter<RequestStatus>))]
    public RequestStatus Status { get; init; }

    public string StatusText { get; init; } = string.Empty;
    public int StationId { get; init; }
    public string StationName { get; init; } = string.Empty;

    [JsonConverter(typeof(JsonStringEnumConverter<Purpose>))]
    public Purpose Purpose { get; init; }

    public string PurposeText { get; init; } = string.Empty;
    public string ApplicantName { get; init; } = string.Empty;
    public DateOnly IncidentDate { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateOnly FootageOverwrittenOn { get; init; }
    public int DaysLeft { get; init; }
    public bool Preserved { get; init; }
    public string? Flag { get; init; }
}

public sealed class ListStaffRequestsHandler(IAppDbContext db, TypeAdapterConfig mappings, TimeProvider clock, IIdentityIndex index, ReferenceData reference)
    : IQueryHandler<ListStaffRequestsQuery, StaffQueueDto>
{
    /// <summary>
    /// A search reads up to this many matching requests in one scan, and makes the counts per status and the page from
    /// them; a search that matches more (a fragment of a common name) is counted and paged by the database instead.
    /// </summary>
    public const int SearchWindow = 500;

    public async ValueTask<StaffQueueDto> Handle(ListStaffRequestsQuery query, CancellationToken cancellationToken)
    {
        var filtered = StaffQueueFilters.Apply(db.FootageRequests.AsNoTracking(), query, index);
        var (rows, total, counts) = await SearchedAsync(filtered, query, cancellationToken) ?? await PagedAsync(filtered, query, cancellationToken);

        var stations = await reference.StationsAsync(db, cancellationToken);
        var today = BangkokTime.Today(clock);
        return new StaffQueueDto(
            rows.Select(r => Complete(r, stations, today)).ToList(),
            total,
            query.Page,
            query.PageSize,
            Enum.GetValues<RequestStatus>().ToDictionary(s => s.ToString(), s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0));
    }

    private sealed record StatusCount(RequestStatus Key, int Count);

    /// <summary>
    /// A search (a name, a number) in one scan of its index: every matching request under the other filters, up to
    /// <see cref="SearchWindow"/>, in the order asked for; the counts per status and the page come from those rows.
    /// Two scans before (the counts, then the page): with the trigram index each took 4-5 ms at a million requests, which
    /// kept the search's p95 at 50 ms with four officers searching (issue 23). Null when more match, or for an export.
    /// </summary>
    private async Task<(List<QueueRowDto> Rows, int Total, List<StatusCount> Counts)?> SearchedAsync(
        IQueryable<FootageRequest> filtered, ListStaffRequestsQuery query, CancellationToken cancellationToken)
    {
        if (query.Search is null || query.Export)
        {
            return null;
        }
        var found = await Sorted(filtered, query.Sort).Take(SearchWindow + 1).ProjectToType<QueueRowDto>(mappings).ToListAsync(cancellationToken);
        if (found.Count > SearchWindow)
        {
            return null;
        }
        var counts = found.GroupBy(r => r.Status).Select(g => new StatusCount(g.Key, g.Count())).ToList();
        var matching = query.Statuses.Count == 0 ? found : found.Where(r => query.Statuses.Contains(r.Status)).ToList();
        return (matching.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList(), matching.Count, counts);
    }

    private async Task<(List<QueueRowDto> Rows, int Total, List<StatusCount> Counts)> PagedAsync(
        IQueryable<FootageRequest> filtered, ListStaffRequestsQuery query, CancellationToken cancellationToken)
    {
        var counts = await CountsAsync(filtered, query, cancellationToken);
        var matching = query.Statuses.Count == 0 ? filtered : filtered.Where(r => query.Statuses.Contains(r.Status));
        var total = counts.Where(c => query.Statuses.Count == 0 || query.Statuses.Contains(c.Key)).Sum(c => c.Count);
        var rows = await Sorted(matching, query.Sort)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ProjectToType<QueueRowDto>(mappings)
            .ToListAsync(cancellationToken);
        return (rows, total, counts);
    }

    /// <summary>
    /// Counts per status under every filter but the status. Station and submission days alone are
    /// answered from the trigger-kept <see cref="RequestCount"/> rows (a few thousand sums instead of
    /// counting up to every request), without dates from the <see cref="RequestTotal"/> rows (a few
    /// dozen); a search or incident dates count the matching requests themselves.
    /// </summary>
    private async Task<List<StatusCount>> CountsAsync(IQueryable<FootageRequest> filtered, ListStaffRequestsQuery query, CancellationToken cancellationToken)
    {
        if (query.Search is not null || query.IncidentFrom is not null || query.IncidentTo is not null)
        {
            return await filtered.GroupBy(r => r.Status).Select(g => new StatusCount(g.Key, g.Count())).ToListAsync(cancellationToken);
        }
        if (query.SubmittedFrom is null && query.SubmittedTo is null)
        {
            var totals = query.StationId is { } only ? db.RequestTotals.Where(t => t.StationId == only) : db.RequestTotals;
            return await totals.GroupBy(t => t.Status).Select(g => new StatusCount(g.Key, g.Sum(t => t.Count))).ToListAsync(cancellationToken);
        }
        var counts = db.RequestCounts;
        if (query.StationId is { } station)
        {
            counts = counts.Where(c => c.StationId == station);
        }
        if (query.SubmittedFrom is { } from)
        {
            counts = counts.Where(c => c.SubmittedOn >= from);
        }
        if (query.SubmittedTo is { } to)
        {
            counts = counts.Where(c => c.SubmittedOn <= to);
        }
        return await counts.GroupBy(c => c.Status).Select(g => new StatusCount(g.Key, g.Sum(c => c.Count))).ToListAsync(cancellationToken);
    }

    private static QueueRowDto Complete(QueueRowDto row, IReadOnlyDictionary<int, Text> stations, DateOnly today)
    {
        var daysLeft = row.FootageOverwrittenOn.DayNumber - today.DayNumber;
        return row with
        {
            StatusText = Lang.Of(RequestStatusText.Of(row.Status)),
            StationName = stations.TryGetValue(row.StationId, out var name) ? Lang.Of(name) : string.Empty,
            PurposeText = Lang.Of(StaffRequestTexts.PurposeOf(row.Purpose)),
            DaysLeft = daysLeft,
            Flag = StaffRequestTexts.Flag(row.Status, daysLeft, row.Preserved),
        };
    }

    private static IQueryable<FootageRequest> Sorted(IQueryable<FootageRequest> requests, QueueSort sort) => sort switch
    {
        QueueSort.Overwrite => requests.OrderBy(r => r.FootageOverwrittenOn).ThenBy(r => r.SubmittedAt),
        QueueSort.Oldest => requests.OrderBy(r => r.SubmittedAt),
        _ => requests.OrderByDescending(r => r.SubmittedAt),
    };
}
