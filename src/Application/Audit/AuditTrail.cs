using CctvRequests.Application.Abstractions;

namespace CctvRequests.Application.Audit;

/// <summary>Adds entries for the current staff member to the unit of work; the caller's save (or the audit behaviour's) writes them.</summary>
public sealed class AuditTrail(IAppDbContext db, ICurrentUser user, TimeProvider clock)
{
    public void Record(AuditAction action, string? referenceNumber = null, string? details = null) =>
        db.AuditEntries.Add(AuditEntry.Create(clock.GetUtcNow(), user.Id, user.Email, user.Name, action, referenceNumber, user.ClientAddress, details));

    /// <summary>For events without a signed-in user yet (a failed sign-in): who it claimed to be.</summary>
    public void RecordFor(string? email, Guid? userId, string? name, AuditAction action, string? details = null) =>
        db.AuditEntries.Add(AuditEntry.Create(clock.GetUtcNow(), userId, email, name, action, null, user.ClientAddress, details));
}
