using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Staff.Requests;

public static class StaffRequestLoader
{
    public static readonly Text NotFound = new("ไม่พบคำร้องเลขที่นี้", "No request has this reference number.");

    /// <summary>A reference number from a route: one that cannot be a reference names no request (404).</summary>
    public static ReferenceNumber Reference(string value) =>
        ReferenceNumber.TryParse(value, out var reference) ? reference : throw new NotFoundException(NotFound);

    /// <summary>
    /// The request to change, tracked, if it is still the version the caller read (its ETag);
    /// a later version is a 412, and a change racing this one fails at save (409).
    /// </summary>
    public static async Task<FootageRequest> ForChangeAsync(IAppDbContext db, ReferenceNumber reference, uint expectedVersion, CancellationToken cancellationToken)
    {
        var request = await db.FootageRequests.Include(r => r.History).SingleOrDefaultAsync(r => r.ReferenceNumber == reference, cancellationToken)
                      ?? throw new NotFoundException(NotFound);
        return request.Version == expectedVersion ? request : throw new PreconditionFailedException();
    }

    /// <summary>The request to append to (a note, a preservation record): no version check, appends do not conflict.</summary>
    public static async Task<FootageRequest> ForAppendAsync(IAppDbContext db, ReferenceNumber reference, CancellationToken cancellationToken) =>
        await db.FootageRequests.SingleOrDefaultAsync(r => r.ReferenceNumber == reference, cancellationToken)
        ?? throw new NotFoundException(NotFound);
}
