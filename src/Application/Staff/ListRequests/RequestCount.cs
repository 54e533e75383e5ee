using CctvRequests.Domain.Requests;

namespace CctvRequests.Application.Staff.ListRequests;

/// <summary>
/// How many requests of one station and purpose, submitted on one Bangkok day, are in one status
/// (the queue's counts, the statistics' breakdowns). Written only
/// by a PostgreSQL trigger on <c>footage_requests</c> (insert, status/station change, delete), in the
/// same transaction as the change, so the queue's counts never drift from the rows; read-only here.
/// </summary>
public sealed class RequestCount
{
    public int StationId { get; private set; }
    public DateOnly SubmittedOn { get; private set; }
    public RequestStatus Status { get; private set; }
    public Purpose Purpose { get; private set; }
    public int Count { get; private set; }
}

/// <summary>
/// How many requests of one station are in one status, all days together: the queue's first screen
/// (no date filter) sums a few dozen of these. Kept by the same trigger as <see cref="RequestCount"/>.
/// </summary>
public sealed class RequestTotal
{
    public int StationId { get; private set; }
    public RequestStatus Status { get; private set; }
    public int Count { get; private set; }
}
