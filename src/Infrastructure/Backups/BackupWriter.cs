using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CctvRequests.Application.Abstractions;
using CctvRequests.Infrastructure.Files;
using CctvRequests.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CctvRequests.Infrastructure.Backups;

/// <summary>What one backup wrote.</summary>
public sealed record BackupResult(string Folder, BackupManifest Manifest, long DatabaseBytes, TimeSpan Took);

/// <summary>
/// The <c>backup</c> command: into an empty folder, a consistent <c>pg_dump -Fc</c>, every stored object (folder
/// or bucket) and a manifest. Consistent: one REPEATABLE READ transaction exports its snapshot, <c>pg_dump</c>
/// dumps exactly that snapshot, and the counts, every request's rows and the objects the rows name are read in
/// it too. While it runs it holds the job locks of retention, the online copies' expiry and the storage
/// reconciliation (they wait), so no object the snapshot names is deleted by them under it; an officer's erasure
/// in the meantime is caught (the object is gone and no row names it now) and the backup says to run it again.
/// </summary>
public sealed class BackupWriter(IConfiguration configuration, IStoredObjects store, IFileStore files, IOptions<BackupOptions> options, IOptions<StorageOptions> storage, TimeProvider clock)
{
    /// <summary>The jobs that delete stored objects: held for the backup's whole run.</summary>
    public static readonly IReadOnlyList<string> DeletingJobs = [RetentionRunner.Job, OnlineCopyExpiry.Job, StorageReconciler.Job];

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Owner") is { Length: > 0 } owner ? owner
        : configuration.GetConnectionString("Default") ?? throw new BackupException("Set ConnectionStrings__Default (or ConnectionStrings__Owner) to the database to back up.");

    public async Task<BackupResult> WriteAsync(string folder, TextWriter progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        folder = Path.GetFullPath(folder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new BackupException($"{folder} is not empty: a backup goes into a new or empty folder.");
        }
        StagingArea.CreatePrivateDirectory(folder);
        var objectsFolder = Path.Combine(folder, BackupManifest.ObjectsFolder);
        StagingArea.CreatePrivateDirectory(objectsFolder);

        var connectionString = ConnectionString(configuration);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await HoldDeletingJobsAsync(connection, progress, cancellationToken);

        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        string snapshotId;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, snapshot))
        {
            snapshotId = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        }
        var schema = await DatabaseFacts.SchemaVersionAsync(connection, cancellationToken);
        var tables = await DatabaseFacts.TableCountsAsync(connection, cancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(folder, BackupManifest.Requests), await DatabaseFacts.RequestRowsAsync(connection, cancellationToken), Encoding.UTF8, cancellationToken);
        var named = new Dictionary<string, StoredRow>(StringComparer.Ordinal);
        await foreach (var row in DatabaseFacts.StoredRowsAsync(connection, cancellationToken))
        {
            named.TryAdd(row.Key, row);
        }
        progress.WriteLine($"snapshot {snapshotId}: schema {schema}, {tables.GetValueOrDefault(DatabaseFacts.RequestsTable)} requests, {named.Count} stored objects named by rows");

        // The dump runs on the exported snapshot while the objects are copied.
        var dumpFile = Path.Combine(folder, BackupManifest.Database);
        var dump = PgTools.Locate(options.Value.PgBin).RunAsync("pg_dump", connectionString,
            ["--format=custom", "--compress=6", $"--snapshot={snapshotId}", "--file", dumpFile], cancellationToken);

        var problems = new ConcurrentBag<string>();
        var copied = new ConcurrentDictionary<string, (long Bytes, string Sha256)>(StringComparer.Ordinal);
        long objectBytes = 0;
        await using (var list = new StreamWriter(Path.Combine(folder, BackupManifest.ObjectList), false, new UTF8Encoding(false)))
        {
            await foreach (var page in store.ListAsync(1000, cancellationToken))
            {
                var results = new (string Key, long Bytes, string Sha256)?[page.Count];
                await Parallel.ForEachAsync(Enumerable.Range(0, page.Count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (i, ct) =>
                {
                    var key = page[i].Key;
                    var (bytes, sha256) = await CopyAsync(key, TargetOf(objectsFolder, key), ct);
                    results[i] = (key, bytes, sha256);
                });
                foreach (var (key, bytes, sha256) in results.Select(r => r!.Value))
                {
                    await list.WriteLineAsync(BackupManifest.ObjectLine(key, bytes, sha256));
                    copied[key] = (bytes, sha256);
                    objectBytes += bytes;
                    if (named.TryGetValue(key, out var row) && (row.Sha256 != sha256 || row.Bytes != bytes))
                    {
                        problems.Add($"object {key} ({row.Describe()}): the store's bytes have SHA-256 {sha256} ({bytes} bytes); the row says {row.Sha256} ({row.Bytes} bytes)");
                    }
                }
                progress.WriteLine($"objects: {copied.Count} copied");
            }
        }
        await dump;

        var absent = named.Keys.Where(k => !copied.ContainsKey(k)).ToList();
        if (absent.Count > 0)
        {
            await snapshot.RollbackAsync(cancellationToken);
            var stillNamed = await StillNamedAsync(connection, absent, cancellationToken);
            foreach (var key in absent)
            {
                problems.Add(stillNamed.Contains(key)
                    ? $"object {key} ({named[key].Describe()}) is missing from the store"
                    : $"object {key} ({named[key].Describe()}) was deleted during the backup (an erasure or a withdrawn copy): run the backup again");
            }
        }

        var manifest = new BackupManifest(
            1, clock.GetUtcNow(), schema, storage.Value.Provider.ToString(), tables,
            new Dictionary<string, BackupFile>
            {
                [BackupManifest.Database] = await BackupManifest.DescribeAsync(dumpFile, cancellationToken),
                [BackupManifest.Requests] = await BackupManifest.DescribeAsync(Path.Combine(folder, BackupManifest.Requests), cancellationToken),
                [BackupManifest.ObjectList] = await BackupManifest.DescribeAsync(Path.Combine(folder, BackupManifest.ObjectList), cancellationToken),
            },
            copied.Count, objectBytes, problems.Order(StringComparer.Ordinal).ToList(), BackupManifest.KeysNote);
        var temporary = Path.Combine(folder, BackupManifest.FileName + ".part");
        await File.WriteAllTextAsync(temporary, System.Text.Json.JsonSerializer.Serialize(manifest, BackupManifest.Json), cancellationToken);
        File.Move(temporary, Path.Combine(folder, BackupManifest.FileName));
        return new BackupResult(folder, manifest, manifest.Files[BackupManifest.Database].Bytes, watch.Elapsed);
    }

    /// <summary>Waits (up to <see cref="BackupOptions.JobWait"/>) for a running deleting job to finish, then keeps it from starting until the backup ends.</summary>
    private async Task HoldDeletingJobsAsync(NpgsqlConnection connection, TextWriter progress, CancellationToken cancellationToken)
    {
        foreach (var job in DeletingJobs)
        {
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            take.Parameters.AddWithValue("key", JobLock.KeyOf(job));
            var deadline = DateTime.UtcNow + options.Value.JobWait;
            while (await take.ExecuteScalarAsync(cancellationToken) is not true)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new BackupException($"The job '{job}' has been running for longer than Backup:JobWait ({options.Value.JobWait}); no backup was made.");
                }
                progress.WriteLine($"waiting for the job '{job}' to finish");
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            }
        }
    }

    private async Task<(long Bytes, string Sha256)> CopyAsync(string key, string target, CancellationToken cancellationToken)
    {
        StagingArea.CreatePrivateDirectory(Path.GetDirectoryName(target)!);
        await using var source = await files.OpenReadAsync(key, cancellationToken);
        await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, StagingArea.BufferSize, FileOptions.Asynchronous);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[StagingArea.BufferSize];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
        }
        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>A key's file under the backup's objects folder; a key that would leave it is refused.</summary>
    public static string TargetOf(string objectsFolder, string key)
    {
        var full = Path.GetFullPath(Path.Combine(objectsFolder, key));
        if (!full.StartsWith(objectsFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new BackupException($"The stored key '{key}' points outside the backup's objects folder.");
        }
        return full;
    }

    private static async Task<HashSet<string>> StillNamedAsync(NpgsqlConnection connection, List<string> keys, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT storage_key FROM request_attachments WHERE storage_key = ANY(@k) UNION SELECT storage_key FROM delivered_clips WHERE storage_key = ANY(@k)", connection);
        command.Parameters.AddWithValue("k", keys.ToArray());
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }
        return found;
    }
}
