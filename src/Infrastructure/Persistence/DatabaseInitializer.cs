using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CctvRequests.Infrastructure.Persistence;

/// <summary>
/// Brings the database to the committed migrations and loads the organization's seed file (its
/// privacy notices, and its profile, stations and reasons where the database has none).
/// <para>
/// With <c>ConnectionStrings:Owner</c> set, that role (which owns the schema) migrates and seeds,
/// then grants the application's role (<c>ConnectionStrings:Default</c>) only what it needs: read
/// and write rows, never create, alter or drop, and on the audit log only add and read. Without
/// it, one role does everything (a local or test database). <c>Database:MigrateOnStart=false</c>
/// leaves migrating to the <c>migrate</c> command and only checks that nothing is pending.
/// </para>
/// </summary>
public sealed class DatabaseInitializer(
    AppDbContext db, OrganizationSeed organization, IConfiguration configuration, TimeProvider clock, IServiceProvider services, ILogger<DatabaseInitializer> logger)
{
    public const string MigrateCommand = "migrate";

    public static string ContentRoot => Path.Combine(AppContext.BaseDirectory, "Content");

    /// <summary>At start: migrate and seed, or, when another process migrates, check that it did.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Database:MigrateOnStart", defaultValue: true))
        {
            await MigrateAsync(cancellationToken);
            return;
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migration(s) ({pending[^1]}): run the '{MigrateCommand}' command with ConnectionStrings__Owner first.");
        }
    }

    /// <summary>Applies the migrations and the seed as the owner role (when configured), then grants the application's role.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var owner = configuration.GetConnectionString("Owner");
        if (string.IsNullOrWhiteSpace(owner))
        {
            await MigrateAndSeedAsync(db, cancellationToken);
            return;
        }
        // The application's services too: the Identity schema (passkeys) is read from its options.
        var options = new DbContextOptionsBuilder<AppDbContext>().UseApplicationServiceProvider(services);
        DependencyInjection.ConfigureDb(options, owner);
        await using var ownerDb = new AppDbContext(options.Options);
        await MigrateAndSeedAsync(ownerDb, cancellationToken);
        var appRole = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Default")).Username;
        var ownerRole = new NpgsqlConnectionStringBuilder(owner).Username;
        if (!string.IsNullOrEmpty(appRole) && appRole != ownerRole)
        {
            await GrantAsync(ownerDb, appRole, cancellationToken);
        }
    }

    private async Task MigrateAndSeedAsync(AppDbContext context, CancellationToken cancellationToken)
    {
        await context.Database.MigrateAsync(cancellationToken);
        var seed = configuration["Organization:SeedFile"];
        await organization.ApplyAsync(
            context, string.IsNullOrWhiteSpace(seed) ? Path.Combine(ContentRoot, OrganizationSeed.DefaultFile) : Path.GetFullPath(seed), clock.GetUtcNow(), cancellationToken);
    }

    private async Task GrantAsync(AppDbContext ownerDb, string appRole, CancellationToken cancellationToken)
    {
        var role = "\"" + appRole.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        // Each statement alone (EF raw SQL must not hold braces; none of these do).
        string[] statements =
        [
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            $"GRANT USAGE ON SCHEMA public TO {role}",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
            $"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}",
            $"REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries FROM {role}",
            $"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON __ef_migrations_history FROM {role}",
        ];
        foreach (var statement in statements)
        {
            await ownerDb.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }
        logger.LogInformation("Granted row access (no DDL, audit log append-only) to the application role");
    }
}
