using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using CctvRequests.Infrastructure.Files;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CctvRequests.Infrastructure.Backups;

/// <summary>What a restore check found: the report's lines and every difference (none: the backup restores whole).</summary>
public sealed record RestoreCheckResult(IReadOnlyList<string> Report, IReadOnlyList<string> Differences)
{
    public bool Verified => Differences.Count == 0;
}

/// <summary>
/// The <c>restore-check</c> command: restores a backup into a NEW database on the configured server (or
/// <c>Backup:RestoreServer</c>) and a scratch store (a local folder), then verifies the restored data against the
/// manifest: the files' SHA-256, the schema version, the rows of every table, every request's rows in each table
/// that names it, every object's bytes against the manifest, and every row that names an object against the bytes
/// the scratch store gives back (SHA-256 and size). It drops the database and deletes the scratch store whatever
/// happened, and answers every difference by name.
/// </summary>
public sealed class RestoreCheck(IConfiguration configuration, IOptions<BackupOptions> options, TimeProvider clock)
{
    public const string DatabasePrefix = "cctv_restore_check_";

    public async Task<RestoreCheckResult> RunAsync(string folder, TextWriter progress, CancellationToken cancellationToken)
    {
        folder = Path.GetFullPath(folder);
        var report = new List<string>();
        var differences = new List<string>();
        var manifest = await BackupManifest.ReadAsync(folder, cancellationToken);
        report.Add($"backup {folder}: made {manifest.CreatedAt:yyyy-MM-dd HH:mm:ss}Z, schema {manifest.SchemaVersion}, storage {manifest.StorageProvider}");
        var newest = NewestMigration();
        if (string.CompareOrdinal(manifest.SchemaVersion, newest) > 0)
        {
            report.Add($"note: the backup's schema is newer than this build's ({newest}): restore it with the version that made it");
        }
        else if (manifest.SchemaVersion != newest)
        {
            report.Add($"note: this build's schema is newer ({newest}): after a real restore, run 'migrate'");
        }
        differences.AddRange(manifest.Problems.Select(p => "the backup itself: " + p));

        foreach (var (file, expected) in manifest.Files)
        {
            var path = Path.Combine(folder, file);
            var actual = File.Exists(path) ? await BackupManifest.DescribeAsync(path, cancellationToken) : null;
            if (actual is null)
            {
                differences.Add($"file {file} is missing from the backup");
            }
            else if (actual != expected)
            {
                differences.Add($"file {file}: SHA-256 {actual.Sha256} ({actual.Bytes} bytes); the manifest says {expected.Sha256} ({expected.Bytes} bytes)");
            }
        }
        if (differences.Any(d => d.StartsWith($"file {BackupManifest.Database}", StringComparison.Ordinal)))
        {
            return new RestoreCheckResult(report, differences);
        }

        var server = ServerConnection();
        var name = DatabasePrefix + clock.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var scratchRoot = Path.Combine(string.IsNullOrWhiteSpace(options.Value.ScratchFolder) ? Path.GetTempPath() : options.Value.ScratchFolder, name);
        var restored = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false, CommandTimeout = 0 }.ConnectionString;
        await ExecuteAsync(server, $"CREATE DATABASE {DatabaseFacts.Quote(name)}", cancellationToken);
        try
        {
            var watch = Stopwatch.StartNew();
            var jobs = Math.Clamp(options.Value.RestoreJobs, 1, 8);
            await PgTools.Locate(options.Value.PgBin).RunAsync("pg_restore", restored,
                ["--no-owner", "--no-privileges", "--exit-on-error", $"--jobs={jobs}", "--dbname", name, Path.Combine(folder, BackupManifest.Database)], cancellationToken);
            report.Add($"database: restored into {name} on {new NpgsqlConnectionStringBuilder(server).Host} in {watch.Elapsed.TotalSeconds:0.0} s (pg_restore, {jobs} jobs)");
            progress.WriteLine(report[^1]);

            await using var connection = new NpgsqlConnection(restored);
            await connection.OpenAsync(cancellationToken);
            await CompareDatabaseAsync(connection, folder, manifest, report, differences, cancellationToken);

            watch.Restart();
            var store = new LocalFileStore(Options.Create(new StorageOptions { Root = scratchRoot }), clock, NullLogger<LocalFileStore>.Instance);
            var inStore = await RestoreObjectsAsync(folder, store, report, differences, cancellationToken);
            await CompareRowsWithBytesAsync(connection, inStore, report, differences, cancellationToken);
            report.Add($"objects: restored into the scratch store {scratchRoot} and read back in {watch.Elapsed.TotalSeconds:0.0} s");
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("pg_restore", StringComparison.Ordinal))
        {
            differences.Add($"the database did not restore: {e.Message}");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {DatabaseFacts.Quote(name)} WITH (FORCE)", CancellationToken.None);
            if (Directory.Exists(scratchRoot))
            {
                Directory.Delete(scratchRoot, recursive: true);
            }
            report.Add($"dropped the database {name} and deleted the scratch store");
        }
        return new RestoreCheckResult(report, differences);
    }

    private static async Task CompareDatabaseAsync(NpgsqlConnection connection, string folder, BackupManifest manifest, List<string> report, List<string> differences, CancellationToken cancellationToken)
    {
        var schema = await DatabaseFacts.SchemaVersionAsync(connection, cancellationToken);
        if (schema != manifest.SchemaVersion)
        {
            differences.Add($"schema version: restored {schema}; the manifest says {manifest.SchemaVersion}");
        }

        var tables = await DatabaseFacts.TableCountsAsync(connection, cancellationToken);
        var tableDifferences = 0;
        foreach (var table in manifest.Tables.Keys.Union(tables.Keys).Order(StringComparer.Ordinal))
        {
            var before = manifest.Tables.TryGetValue(table, out var h) ? h : (long?)null;
            var after = tables.TryGetValue(table, out var n) ? n : (long?)null;
            if (before != after)
            {
                tableDifferences++;
                differences.Add($"table {table}: {Rows(after)} restored; the backup had {Rows(before)}");
            }
        }
        report.Add($"tables: {manifest.Tables.Count - tableDifferences} of {manifest.Tables.Count} have the backup's row counts ({tables.Values.Sum()} rows; {DatabaseFacts.RequestsTable} {tables.GetValueOrDefault(DatabaseFacts.RequestsTable)})");

        var expected = (await File.ReadAllLinesAsync(Path.Combine(folder, BackupManifest.Requests), cancellationToken)).ToList();
        var actual = await DatabaseFacts.RequestRowsAsync(connection, cancellationToken);
        if (expected.Count == 0 || expected[0] != actual[0])
        {
            differences.Add($"requests.tsv: the tables that name a request differ: restored '{actual[0]}', the backup '{(expected.Count > 0 ? expected[0] : "")}'");
            return;
        }
        var heading = actual[0].Split('\t');
        var had = expected.Skip(1).ToDictionary(l => l[..l.IndexOf('\t', StringComparison.Ordinal)], StringComparer.Ordinal);
        var whole = 0;
        foreach (var line in actual.Skip(1))
        {
            var id = line[..line.IndexOf('\t', StringComparison.Ordinal)];
            if (!had.Remove(id, out var before))
            {
                differences.Add($"request {Describe(line)}: restored, but not in the backup");
            }
            else if (before != line)
            {
                var now = line.Split('\t');
                var then = before.Split('\t');
                var which = Enumerable.Range(2, heading.Length - 2).Where(i => now[i] != then[i]).Select(i => $"{heading[i]} {now[i]} rows, the backup had {then[i]}");
                differences.Add($"request {Describe(line)}: {string.Join("; ", which)}");
            }
            else
            {
                whole++;
            }
        }
        differences.AddRange(had.Values.Select(l => $"request {Describe(l)}: in the backup, not restored"));
        report.Add($"requests: {whole} of {expected.Count - 1} have every row ({string.Join(", ", heading.Skip(2))})");
    }

    /// <summary>Copies the backup's objects into the scratch store, checking each against the manifest on the way.</summary>
    private static async Task<Dictionary<string, (long Bytes, string Sha256)>> RestoreObjectsAsync(string folder, LocalFileStore store, List<string> report, List<string> differences, CancellationToken cancellationToken)
    {
        var source = Path.Combine(folder, BackupManifest.ObjectsFolder);
        var inStore = new Dictionary<string, (long Bytes, string Sha256)>(StringComparer.Ordinal);
        long listed = 0, good = 0, bytes = 0;
        foreach (var (key, size, sha256) in BackupManifest.ReadObjects(folder))
        {
            listed++;
            var from = BackupWriter.TargetOf(source, key);
            if (!File.Exists(from))
            {
                differences.Add($"object {key}: missing from the backup's objects folder");
                continue;
            }
            var to = BackupWriter.TargetOf(store.ObjectsFolder, key);
            StagingArea.CreatePrivateDirectory(Path.GetDirectoryName(Path.GetDirectoryName(to)!)!);
            StagingArea.CreatePrivateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            var actual = await HashAsync(await store.OpenReadAsync(key, cancellationToken), cancellationToken);
            // Read back through the store, as the application would serve it.
            inStore[key] = actual;
            bytes += actual.Bytes;
            if (actual.Sha256 != sha256 || actual.Bytes != size)
            {
                differences.Add($"object {key}: SHA-256 {actual.Sha256} ({actual.Bytes} bytes) in the backup; the manifest says {sha256} ({size} bytes)");
            }
            else
            {
                good++;
            }
        }
        report.Add($"objects: {good} of {listed} match the manifest's SHA-256 ({bytes / 1024.0 / 1024.0:0.0} MiB)");
        return inStore;
    }

    private static async Task CompareRowsWithBytesAsync(NpgsqlConnection connection, Dictionary<string, (long Bytes, string Sha256)> inStore, List<string> report, List<string> differences, CancellationToken cancellationToken)
    {
        long rows = 0, good = 0;
        var named = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in DatabaseFacts.StoredRowsAsync(connection, cancellationToken))
        {
            rows++;
            named.Add(row.Key);
            if (!inStore.TryGetValue(row.Key, out var actual))
            {
                differences.Add($"object {row.Key} ({row.Describe()}): not in the restored store");
                continue;
            }
            if (actual.Sha256 != row.Sha256 || actual.Bytes != row.Bytes)
            {
                differences.Add($"object {row.Key} ({row.Describe()}): restored bytes have SHA-256 {actual.Sha256} ({actual.Bytes} bytes); the row says {row.Sha256} ({row.Bytes} bytes)");
            }
            else
            {
                good++;
            }
        }
        report.Add($"attachments: {good} of {rows} rows naming an object get back bytes with their SHA-256; {inStore.Keys.Count(k => !named.Contains(k))} objects no row names");
    }

    private static async Task<(long Bytes, string Sha256)> HashAsync(Stream stream, CancellationToken cancellationToken)
    {
        await using (stream)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[StagingArea.BufferSize];
            long total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                total += read;
            }
            return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
    }

    private string ServerConnection()
    {
        var configured = options.Value.RestoreServer;
        var builder = new NpgsqlConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? BackupWriter.ConnectionString(configuration) : configured) { Pooling = false };
        if (string.IsNullOrWhiteSpace(configured))
        {
            builder.Database = "postgres";
        }
        return builder.ConnectionString;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The last migration this build knows.</summary>
    public static string NewestMigration() =>
        typeof(AppDbContext).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .Where(id => id is not null)
            .Max(StringComparer.Ordinal) ?? string.Empty;

    private static string Rows(long? count) => count is null ? "no table" : $"{count} rows";

    private static string Describe(string line)
    {
        var parts = line.Split('\t');
        return $"{parts[1]} ({parts[0]})";
    }
}
