using CctvRequests.Infrastructure.Logging;
using CctvRequests.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        await ProtectIdentitiesAsync(context, cancellationToken);
        var seed = configuration["Organization:SeedFile"];
        await organization.ApplyAsync(
            context, string.IsNullOrWhiteSpace(seed) ? Path.Combine(ContentRoot, OrganizationSeed.DefaultFile) : Path.GetFullPath(seed), clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// A database from before identity numbers were encrypted: the migration kept the clear numbers
    /// in <c>applicant_id_plain</c>; here they are encrypted and indexed (the keys are not SQL's to
    /// know), 500 rows at a time, and then the clear column is dropped. Runs once; afterwards the
    /// column does not exist.
    /// </summary>
    public async Task<int> ProtectIdentitiesAsync(AppDbContext context, CancellationToken cancellationToken)
    {
        var protector = context.Protector;
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }
        try
        {
            await using (var exists = new NpgsqlCommand(
                "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'footage_requests' AND column_name = 'applicant_id_plain'", connection))
            {
                if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0)
                {
                    return 0;
                }
            }
            var converted = 0;
            while (true)
            {
                var batch = new List<(Guid Id, string Kind, string Plain)>();
                await using (var read = new NpgsqlCommand(
                    "SELECT id, applicant_id_kind, applicant_id_plain FROM footage_requests WHERE applicant_id_plain IS NOT NULL LIMIT 500", connection))
                await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        batch.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
                    }
                }
                if (batch.Count == 0)
                {
                    break;
                }
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                foreach (var (id, kind, plain) in batch)
                {
                    await using var update = new NpgsqlCommand(
                        "UPDATE footage_requests SET applicant_id_cipher = @cipher, applicant_id_index = @index, applicant_id_plain = NULL WHERE id = @id", connection, transaction);
                    update.Parameters.AddWithValue("cipher", protector.Encrypt(plain));
                    update.Parameters.AddWithValue("index", plain.Length == 0 ? DBNull.Value : protector.Of(Enum.Parse<Domain.Common.IdentityDocumentKind>(kind), plain));
                    update.Parameters.AddWithValue("id", id);
                    await update.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                converted += batch.Count;
            }
            await using (var finish = new NpgsqlCommand(
                "UPDATE footage_requests SET applicant_id_cipher = '\\x' WHERE applicant_id_cipher IS NULL; " +
                "ALTER TABLE footage_requests ALTER COLUMN applicant_id_cipher SET NOT NULL; ALTER TABLE footage_requests DROP COLUMN applicant_id_plain", connection))
            {
                await finish.ExecuteNonQueryAsync(cancellationToken);
            }
            logger.IdentitiesProtected(converted);
            return converted;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
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
        logger.Granted();
    }
}
