using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Idempotency;
using CctvRequests.Domain.Organization;
using CctvRequests.Domain.Privacy;
using CctvRequests.Domain.Requests;
using CctvRequests.Domain.Stations;
using CctvRequests.Infrastructure.Identity;
using CctvRequests.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Infrastructure.Persistence;

/// <summary>One database for requests, staff accounts (Identity), the audit log and Data Protection keys.</summary>
/// <remarks>
/// Pooled (AddDbContextPool): one constructor with the options only. The protector, a singleton,
/// comes from the application's services that the options carry.
/// </remarks>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IAppDbContext, IDataProtectionKeyContext
{
    private readonly PersonalDataProtector protector =
        options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(PersonalDataProtector)) as PersonalDataProtector
        ?? throw new InvalidOperationException("AppDbContext needs the application's services (UseApplicationServiceProvider) to find its PersonalDataProtector.");

    /// <summary>Encrypts identity numbers in the model's converter and computes their blind index on save.</summary>
    public PersonalDataProtector Protector => protector;

    public DbSet<FootageRequest> FootageRequests => Set<FootageRequest>();
    public DbSet<Station> Stations => Set<Station>();
    public DbSet<PrivacyNotice> PrivacyNotices => Set<PrivacyNotice>();
    public DbSet<OrganizationProfile> OrganizationProfiles => Set<OrganizationProfile>();
    public DbSet<CancellationReason> CancellationReasons => Set<CancellationReason>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Domain.Privacy.SubjectRightsRequest> SubjectRightsRequests => Set<Domain.Privacy.SubjectRightsRequest>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();
    public DbSet<Application.Notifications.OutboxMessage> OutboxMessages => Set<Application.Notifications.OutboxMessage>();
    public DbSet<Application.OnlineCopy.ClipUpload> ClipUploads => Set<Application.OnlineCopy.ClipUpload>();
    public DbSet<Domain.Appointments.ViewingPlace> ViewingPlaces => Set<Domain.Appointments.ViewingPlace>();
    public DbSet<Domain.Appointments.ClosedDay> ClosedDays => Set<Domain.Appointments.ClosedDay>();
    public DbSet<Domain.Appointments.Appointment> Appointments => Set<Domain.Appointments.Appointment>();
    public IQueryable<Application.Staff.ListRequests.RequestCount> RequestCounts => Set<Application.Staff.ListRequests.RequestCount>().AsNoTracking();
    public IQueryable<Application.Staff.ListRequests.RequestTotal> RequestTotals => Set<Application.Staff.ListRequests.RequestTotal>().AsNoTracking();

    /// <summary>Data Protection keys live in the database, so a restart or a second instance keeps them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Identity's tables first (its schema version comes from IdentityOptions: version 3 has passkeys).
        base.OnModelCreating(modelBuilder);
        // Trigram search over applicants' names (the staff queue's search box).
        modelBuilder.HasPostgresExtension("pg_trgm");
        StaffIdentityTables.Configure(modelBuilder);
        // Configurations with a parameterless constructor; the one that needs the protector after.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        modelBuilder.Entity<FootageRequest>(new Configurations.FootageRequestConfiguration(protector).Configure);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        SetIdentityIndexes();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        SetIdentityIndexes();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Each request's blind index follows its document: set when it is saved, cleared when the document is erased.</summary>
    private void SetIdentityIndexes()
    {
        foreach (var entry in ChangeTracker.Entries<FootageRequest>())
        {
            if (entry.State is EntityState.Deleted or EntityState.Detached)
            {
                continue;
            }
            var identity = entry.Entity.Applicant.Identity;
            var index = identity.IsErased ? null : protector.Of(identity.Kind, identity.Number);
            var property = entry.Property<byte[]?>(Application.Abstractions.IdentitySearch.Property);
            if (!(property.CurrentValue ?? []).AsSpan().SequenceEqual(index ?? []) || (property.CurrentValue is null) != (index is null))
            {
                property.CurrentValue = index;
            }
        }
    }
}

/// <summary>One model per key set: the identity converter holds the protector it was built with.</summary>
public sealed class ProtectorModelCacheKeyFactory : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is AppDbContext app ? (context.GetType(), app.Protector.Fingerprint, designTime) : (context.GetType(), designTime);
}
