using CctvRequests.Infrastructure.Persistence;
using CctvRequests.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Respawn;
using Xunit;

namespace CctvRequests.TestSupport;

/// <summary>
/// The real API on a database and a storage folder of its own. Between tests, <see cref="ResetAsync"/>
/// empties the request tables (Respawn), the storage and the lookup limits; stations and the
/// privacy notice stay as the migrations and the content folder made them.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string PublicBaseUrl = "https://cctv.example.test";
    private Respawner? _respawner;

    public string ConnectionString { get; private set; } = string.Empty;
    public string StorageRoot { get; } = Path.Combine(Path.GetTempPath(), "cctv-test-files-" + Guid.NewGuid().ToString("N"));

    /// <summary>Arms a failure of the next database save, after the files are written.</summary>
    public SaveFailureSwitch SaveFailure { get; } = new();

    /// <summary>Arms a failure of the next commit, before or after PostgreSQL did it.</summary>
    public CommitFailureSwitch CommitFailure { get; } = new();

    /// <summary>The host's clock: every "today" and "now" of the API comes from it.</summary>
    public FakeTimeProvider Clock { get; } = TestClock.NewProvider();

    /// <summary>Every log line the app wrote, to check that no national ID or phone number leaks.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Extra settings a subclass or a test sets before the host starts.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>A subclass whose host sends e-mail and SMS names their servers here: started before the host, configured in it, stopped after it.</summary>
    protected virtual NotificationServers? Notifications => null;

    public virtual async Task InitializeAsync()
    {
        if (Notifications is { } notifications)
        {
            await notifications.StartAsync();
        }
        ConnectionString = await TestPostgres.CreateDatabaseAsync("cctv_test");
        await PrepareDatabaseAsync(ConnectionString);
        _ = Services; // starts the host: migrations run now
        _respawner = await Respawner.CreateAsync(await OpenAsync(), new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["stations", "privacy_notices", "organization_profile", "cancellation_reasons", "viewing_places", "closed_days", "staff_roles", "data_protection_keys", "__ef_migrations_history"],
        });
    }

    /// <summary>Runs on the new, empty database before the host starts (roles, ownership).</summary>
    protected virtual Task PrepareDatabaseAsync(string connectionString) => Task.CompletedTask;

    public async Task ResetAsync()
    {
        await using (var connection = await OpenAsync())
        {
            // The audit log refuses DELETE by trigger; between tests (as superuser) triggers are switched off.
            await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
            {
                await replica.ExecuteNonQueryAsync();
            }
            await _respawner!.ResetAsync(connection);
        }
        foreach (var dir in new[] { "objects", "tmp" })
        {
            var path = Path.Combine(StorageRoot, dir);
            if (Directory.Exists(path))
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(path))
                {
                    if (Directory.Exists(entry))
                    {
                        Directory.Delete(entry, recursive: true);
                    }
                    else
                    {
                        File.Delete(entry);
                    }
                }
            }
        }
        Services.GetRequiredService<SlidingWindowThrottle>().Reset();
        Services.GetRequiredService<Api.Staff.AnonymousSignInFailures>().TakeEnded(all: true);
        SaveFailure.Disarm();
        CommitFailure.Disarm();
        Logs.Clear();
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A fresh context on the test database, to read what the API stored.</summary>
    public AppDbContext NewDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>();

    /// <summary>Every file under the storage folder (permanent and temporary).</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(StorageRoot) ? Directory.GetFiles(StorageRoot, "*", SearchOption.AllDirectories) : [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Storage:Root", StorageRoot);
        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        // Tests file many requests from one address; RateLimitTests runs the shipped limits on a host of its own.
        foreach (var policy in new[] { "Submission", "SubmissionPerDocument", "Status", "StaffSignIn", "ClipCheck", "AppointmentCheck" })
        {
            builder.UseSetting($"RateLimiting:{policy}:PermitLimit", "1000000");
        }
        // The retention run is started by the tests that test it; in the others it would race the resets.
        builder.UseSetting("Retention:Enabled", "false");
        // Likewise the periodic storage reconciliation and the online copies' expiry: the tests that test them call them themselves.
        builder.UseSetting("Storage:ReconcileEvery", "00:00:00");
        builder.UseSetting("Delivery:ExpiryJob", "false");
        builder.UseSetting("Appointments:ReminderJob", "false");
        // Small pieces, so that a test clip of a few hundred kilobytes is a resumable upload of several.
        builder.UseSetting("Delivery:ChunkBytes", "4096");
        foreach (var (key, value) in TestKeys.Settings)
        {
            builder.UseSetting(key, value);
        }
        if (TestClamav.Configured is { } clamav)
        {
            builder.UseSetting("Clamav:Host", clamav.Host);
            builder.UseSetting("Clamav:Port", clamav.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var (key, value) in (Notifications?.Settings ?? new Dictionary<string, string?>()).Concat(Settings))
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IInterceptor>(SaveFailure);
            services.AddSingleton<IInterceptor>(CommitFailure);
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (Notifications is { } notifications)
        {
            await notifications.DisposeAsync();
        }
        await TestPostgres.DropDatabaseAsync(ConnectionString);
        if (Directory.Exists(StorageRoot))
        {
            Directory.Delete(StorageRoot, recursive: true);
        }
    }
}
