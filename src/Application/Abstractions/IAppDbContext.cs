using CctvRequests.Domain.Privacy;
using CctvRequests.Domain.Requests;
using CctvRequests.Domain.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CctvRequests.Application.Abstractions;

/// <summary>The data interface: DbSets straight from EF Core, no repository on top.</summary>
public interface IAppDbContext
{
    DbSet<FootageRequest> FootageRequests { get; }
    DbSet<Station> Stations { get; }
    DbSet<PrivacyNotice> PrivacyNotices { get; }
    DbSet<IdempotencyRecord> IdempotencyRecords { get; }

    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
