using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Idempotency;
using CctvRequests.Domain.Organization;
using CctvRequests.Domain.Privacy;
using CctvRequests.Domain.Requests;
using CctvRequests.Domain.Stations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options), IAppDbContext, IDataProtectionKeyContext
{
    public DbSet<FootageRequest> FootageRequests => Set<FootageRequest>();
    public DbSet<Station> Stations => Set<Station>();
    public DbSet<PrivacyNotice> PrivacyNotices => Set<PrivacyNotice>();
    public DbSet<OrganizationProfile> OrganizationProfiles => Set<OrganizationProfile>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();

    /// <summary>Data Protection keys live in the database, so a restart or a second instance keeps them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}
