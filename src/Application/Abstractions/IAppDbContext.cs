using CctvRequests.Application.Audit;
using CctvRequests.Application.Idempotency;
using CctvRequests.Domain.Organization;
using CctvRequests.Domain.Privacy;
using CctvRequests.Domain.Requests;
using CctvRequests.Domain.Stations;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Abstractions;

/// <summary>The data interface: DbSets straight from EF Core, no repository on top. Transactions are the unit of work's.</summary>
public interface IAppDbContext
{
    DbSet<FootageRequest> FootageRequests { get; }
    DbSet<Station> Stations { get; }
    DbSet<PrivacyNotice> PrivacyNotices { get; }
    DbSet<OrganizationProfile> OrganizationProfiles { get; }
    DbSet<CancellationReason> CancellationReasons { get; }
    DbSet<IdempotencyRecord> IdempotencyRecords { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<Domain.Privacy.SubjectRightsRequest> SubjectRightsRequests { get; }
    DbSet<Notifications.OutboxMessage> OutboxMessages { get; }
    DbSet<OnlineCopy.ClipUpload> ClipUploads { get; }
    DbSet<Domain.Appointments.ViewingPlace> ViewingPlaces { get; }
    DbSet<Domain.Appointments.ClosedDay> ClosedDays { get; }

    /// <summary>The visits of every request, for the lists across requests (the day's list, seats taken); changed through their request.</summary>
    DbSet<Domain.Appointments.Appointment> Appointments { get; }

    /// <summary>Counts per station, day and status, kept by the database (read-only).</summary>
    IQueryable<Staff.ListRequests.RequestCount> RequestCounts { get; }

    /// <summary>Counts per station and status, all days together, kept by the database (read-only).</summary>
    IQueryable<Staff.ListRequests.RequestTotal> RequestTotals { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
