using CctvRequests.Application.Idempotency;
using CctvRequests.Infrastructure.Logging;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CctvRequests.Infrastructure.Jobs;

/// <summary>
/// Every hour, deletes idempotency records older than 24 hours, with the encrypted status token
/// they hold, and API access tokens expired for an hour (one row per issuance, ADR 0018), on one node at a time (<see cref="JobLock"/>). A failure is logged and retried next
/// hour; it never stops the host.
/// </summary>
public sealed class IdempotencyCleanup(IServiceScopeFactory scopes, JobLock jobs, TimeProvider clock, ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await jobs.RunAloneAsync("idempotency-purge", PurgeAsync, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.IdempotencyPurgeFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var expired = clock.GetUtcNow() - IdempotencyRecord.Lifetime;
        var removed = await db.IdempotencyRecords.Where(r => r.CreatedAt <= expired).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            logger.IdempotencyPurged(removed);
        }
        var tokensBefore = clock.GetUtcNow() - TimeSpan.FromHours(1);
        var tokens = await db.ApiTokens.Where(t => t.ExpiresAt <= tokensBefore).ExecuteDeleteAsync(cancellationToken);
        if (tokens > 0)
        {
            logger.ExpiredTokensDeleted(tokens);
        }
        return removed;
    }
}
