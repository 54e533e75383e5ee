using CctvRequests.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.PersonalData;

/// <summary>What erasing needs loaded: the request with everything that may hold personal data.</summary>
public static class Erasure
{
    public static IQueryable<FootageRequest> WithEverything(this IQueryable<FootageRequest> requests) => requests
        .Include(r => r.Attachments).Include(r => r.History).Include(r => r.Notes).Include(r => r.Preservations).Include(r => r.HandOvers)
        .Include(r => r.DeliveredClips).Include(r => r.Appointments)
        .AsSplitQuery();

    /// <summary>The closed requests whose personal data is past its retention (closed before <paramref name="cutoff"/>), oldest first.</summary>
    public static IQueryable<FootageRequest> PastRetention(this IQueryable<FootageRequest> requests, DateTimeOffset cutoff) => requests
        .Where(r => r.ErasedAt == null && r.DecidedAt != null && r.DecidedAt < cutoff
                    && (r.Status == RequestStatus.Approved || r.Status == RequestStatus.Cancelled))
        .OrderBy(r => r.DecidedAt);
}

/// <summary>How many requests a run erased, and the files to delete once that is saved.</summary>
public sealed record ErasureResult(int Erased, int Cancelled, IReadOnlyList<string> FilesToDelete);
