using System.Security.Cryptography;
using System.Text;
using CctvRequests.Infrastructure.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CctvRequests.Infrastructure.Jobs;

/// <summary>
/// One node at a time: a periodic job's run holds a PostgreSQL session advisory lock named after
/// the job, on a connection of its own, for as long as it runs. A node that finds the lock taken
/// skips that tick (the other node is doing the work). The lock goes with the connection, so a
/// node that dies mid-run frees it at once.
/// </summary>
public sealed class JobLock(IConfiguration configuration, ILogger<JobLock> logger)
{
    /// <summary>The job's lock key: 64 bits of SHA-256 over a prefix and the job's name.</summary>
    public static long KeyOf(string job) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("cctv-job:" + job)), 0);

    /// <summary>Runs <paramref name="work"/> if no other node runs this job now; answers whether it ran.</summary>
    public async Task<bool> RunAloneAsync(string job, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var connectionString = configuration.GetConnectionString("Default")
                               ?? throw new InvalidOperationException("Set ConnectionStrings__Default to a PostgreSQL connection string.");
        // Not pooled: the lock must end with this connection, never ride along in a pool.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", KeyOf(job));
            if (await take.ExecuteScalarAsync(cancellationToken) is not true)
            {
                logger.JobRunsElsewhere(job);
                return false;
            }
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using (var activity = Application.Behaviors.AppTelemetry.Source.StartActivity("job " + job))
        {
            activity?.SetTag("cctv.job", job);
            try
            {
                await work(cancellationToken);
            }
            catch (Exception e)
            {
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, Application.Behaviors.AppTelemetry.OutcomeOf(e));
                throw;
            }
        }
        await RecordAsync(connection, job, watch.Elapsed, cancellationToken);
        return true;
    }

    /// <summary>A run of <paramref name="job"/> that succeeded (a command's run, outside the lock, too): kept in <c>job_runs</c> for /healthz/ready.</summary>
    public async Task RecordSuccessAsync(string job, TimeSpan took, CancellationToken cancellationToken)
    {
        var connectionString = configuration.GetConnectionString("Default")
                               ?? throw new InvalidOperationException("Set ConnectionStrings__Default to a PostgreSQL connection string.");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await RecordAsync(connection, job, took, cancellationToken);
    }

    private static async Task RecordAsync(NpgsqlConnection connection, string job, TimeSpan took, CancellationToken cancellationToken)
    {
        await using var record = new NpgsqlCommand(
            "INSERT INTO job_runs (job, last_success_at, seconds) VALUES (@job, now(), @seconds) " +
            "ON CONFLICT (job) DO UPDATE SET last_success_at = excluded.last_success_at, seconds = excluded.seconds", connection);
        record.Parameters.AddWithValue("job", job);
        record.Parameters.AddWithValue("seconds", Math.Round(took.TotalSeconds, 3));
        await record.ExecuteNonQueryAsync(cancellationToken);
    }
}
