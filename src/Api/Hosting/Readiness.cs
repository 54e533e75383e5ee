using System.Text.Json;
using CctvRequests.Application.Notifications;
using CctvRequests.Application.PersonalData;
using CctvRequests.Infrastructure.Files;
using CctvRequests.Infrastructure.Jobs;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CctvRequests.Api.Hosting;

/// <summary>
/// <c>/healthz</c> stays what load balancers call (PostgreSQL, clamd, the storage; tag <see cref="Live"/>);
/// <c>GET /healthz/ready</c>, for operators only (<see cref="Operators"/>), adds Redis when configured, the outbox
/// (messages due and how long the oldest has waited) and the last successful run of the retention and of the
/// storage reconciliation, each with its age, as JSON: every check's status, description, data and duration.
/// 503 when any check is Unhealthy; Degraded (a lagging outbox, a job that has not succeeded for two intervals)
/// answers 200.
/// </summary>
public static class Readiness
{
    public const string Live = "live";
    public const string Ready = "ready";

    public static IHealthChecksBuilder AddReadinessChecks(this IHealthChecksBuilder checks, IConfiguration configuration)
    {
        checks.Services.AddOptions<OperationsOptions>()
            .Bind(configuration.GetSection(OperationsOptions.Section))
            .Validate(o => o.Networks.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(n => System.Net.IPNetwork.TryParse(n, out _)),
                "Operations:Networks must be CIDR networks separated by commas (e.g. 10.20.0.0/16,127.0.0.1/32).")
            .ValidateOnStart();
        checks.Services.AddSingleton<OutboxLag>();
        if (!string.IsNullOrEmpty(configuration["Redis:Configuration"]))
        {
            checks.AddCheck<RedisHealthCheck>("redis", timeout: TimeSpan.FromSeconds(3), tags: [Ready]);
        }
        return checks
            .AddCheck<OutboxHealthCheck>("outbox", timeout: TimeSpan.FromSeconds(3), tags: [Ready])
            .AddCheck<JobRunsHealthCheck>("jobs", timeout: TimeSpan.FromSeconds(3), tags: [Ready]);
    }

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Live), ResponseWriter = HealthAnswer.WriteAsync });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            ResultStatusCodes = { [HealthStatus.Healthy] = 200, [HealthStatus.Degraded] = 200, [HealthStatus.Unhealthy] = 503 },
            ResponseWriter = WriteAsync,
        }).RequireOperators();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }
}

/// <summary>Redis (the shared rate limits and sessions) answers PING.</summary>
public sealed class RedisHealthCheck(StackExchange.Redis.IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var took = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy("Redis answers.", new Dictionary<string, object> { ["pingMs"] = Math.Round(took.TotalMilliseconds, 1) });
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer: " + e.GetType().Name);
        }
    }
}

/// <summary>The outbox's backlog: how many messages are due now and how long the oldest of them has waited (by the application's clock).</summary>
public sealed class OutboxLag(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<(int Due, TimeSpan OldestWait)> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var due = db.OutboxMessages.AsNoTracking()
            .Where(m => (m.Status == MessageStatus.Queued || m.Status == MessageStatus.Failed) && m.NextAttemptAt <= now);
        var count = await due.CountAsync(cancellationToken);
        var oldest = count == 0 ? null : await due.MinAsync(m => (DateTimeOffset?)m.NextAttemptAt, cancellationToken);
        return (count, oldest is { } at ? now - at : TimeSpan.Zero);
    }
}

public sealed class OutboxHealthCheck(OutboxLag lag, IOptions<OperationsOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (due, oldest) = await lag.ReadAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["due"] = due, ["oldestDueAgeSeconds"] = Math.Round(oldest.TotalSeconds) };
        return oldest > options.Value.OutboxLagWarning
            ? HealthCheckResult.Degraded($"{due} messages due; the oldest has waited {oldest:d\\.hh\\:mm\\:ss} (more than {options.Value.OutboxLagWarning}).", data: data)
            : HealthCheckResult.Healthy($"{due} messages due.", data);
    }
}

/// <summary>
/// The last successful run of the retention and of the storage reconciliation (and of the other periodic jobs
/// when they ran), each with its age by the database's clock. Degraded when retention or the reconciliation is on
/// and has not succeeded within two of its intervals.
/// </summary>
public sealed class JobRunsHealthCheck(AppDbContext db, IOptions<RetentionOptions> retention, IOptions<StorageOptions> storage) : IHealthCheck
{
    // Read with the model's snake_case names.
    private sealed record Age(string Job, DateTimeOffset LastSuccessAt, double Seconds, double AgeSeconds);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var runs = await db.Database
            .SqlQueryRaw<Age>("SELECT job, last_success_at, seconds, extract(epoch FROM now() - last_success_at)::float8 AS age_seconds FROM job_runs")
            .ToListAsync(cancellationToken);
        var data = new Dictionary<string, object>();
        foreach (var run in runs)
        {
            data[run.Job] = new { lastSuccessAt = run.LastSuccessAt, ageSeconds = Math.Round(run.AgeSeconds), tookSeconds = run.Seconds };
        }
        var late = new List<string>();
        Expect(RetentionRunner.Job, retention.Value.Enabled, retention.Value.Interval);
        Expect(StorageReconciler.Job, storage.Value.ReconcileEvery > TimeSpan.Zero, storage.Value.ReconcileEvery);
        return late.Count == 0
            ? HealthCheckResult.Healthy("Periodic jobs ran in time.", data)
            : HealthCheckResult.Degraded(string.Join(" ", late), data: data);

        void Expect(string job, bool on, TimeSpan every)
        {
            if (!on)
            {
                data.TryAdd(job, "off");
                return;
            }
            var run = runs.FirstOrDefault(r => r.Job == job);
            if (run is null)
            {
                data.TryAdd(job, "never succeeded");
                late.Add($"'{job}' has never succeeded.");
            }
            else if (TimeSpan.FromSeconds(run.AgeSeconds) > 2 * every)
            {
                late.Add($"'{job}' last succeeded {TimeSpan.FromSeconds(Math.Round(run.AgeSeconds))} ago (every {every}).");
            }
        }
    }
}
