using System.Diagnostics;
using System.Net;
using CctvRequests.Infrastructure.Backups;
using CctvRequests.TestSupport;
using Npgsql;

namespace CctvRequests.Api.Tests;

/// <summary>A host on a database and a storage folder that a test may wipe.</summary>
public sealed class WipeableFactory : ApiFactory;

/// <summary>
/// <c>backup</c> and <c>restore-check</c> as an operator runs them: the real CctvRequests.Api.dll in a process of
/// its own, on a host's database and storage. The check restores into a new database on the same server and a
/// scratch store under the test's folder, and drops both.
/// </summary>
public sealed class BackupRun(ApiFactory factory, IReadOnlyDictionary<string, string?>? settings = null) : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "cctv-backup-test-" + Guid.NewGuid().ToString("N"));

    public async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CctvRequests.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["ConnectionStrings__Default"] = factory.ConnectionString;
        start.Environment["Storage__Root"] = factory.StorageRoot;
        start.Environment["Backup__ScratchFolder"] = Folder;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        if (Environment.GetEnvironmentVariable("CCTV_TEST_PGBIN") is { Length: > 0 } bin)
        {
            start.Environment["Backup__PgBin"] = bin;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public async Task<List<string>> SubmitAsync(int count)
    {
        var client = factory.CreateClient();
        var references = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var response = await client.PostAsync("/api/requests", new SubmissionForm().ToContent());
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, body);
            references.Add(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("referenceNumber").GetString()!);
        }
        return references;
    }

    /// <summary>The database a restore check says it made (its report names it).</summary>
    public static string MadeDatabase(string output) =>
        System.Text.RegularExpressions.Regex.Match(output, $@"restored into ({RestoreCheck.DatabasePrefix}[0-9a-f_]+)").Groups[1].Value is { Length: > 0 } name
            ? name
            : throw new Xunit.Sdk.XunitException("The report names no database: " + output);

    /// <summary>The databases restore checks made and left (other tests' checks may be running now).</summary>
    public static async Task<List<string>> RestoreCheckDatabasesAsync()
    {
        await using var connection = new NpgsqlConnection(await TestPostgres.ServerAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{RestoreCheck.DatabasePrefix}%'", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

/// <summary>The drill: backup, the database and the files wiped, restore-check.</summary>
public sealed class BackupRestoreTests(WipeableFactory factory, Xunit.Abstractions.ITestOutputHelper log) : IClassFixture<WipeableFactory>, IDisposable
{
    private readonly BackupRun _run = new(factory);

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Backup_ThenWipe_ThenRestoreCheck_VerifiesEveryRequestAndFile_AndDropsWhatItMade()
    {
        var watch = Stopwatch.StartNew();
        var references = await _run.SubmitAsync(3);
        var folder = Path.Combine(_run.Folder, "daily");
        var stored = factory.StoredFiles().Count;

        var (exit, output, error) = await _run.RunAsync("backup", folder);
        Assert.True(exit == 0, output + error);
        Assert.Contains("RESULT: OK", output);
        var manifest = await BackupManifest.ReadAsync(folder, CancellationToken.None);
        Assert.Equal(3, manifest.Tables[DatabaseFacts.RequestsTable]);
        Assert.Equal(stored, manifest.Objects);
        Assert.Equal(RestoreCheck.NewestMigration(), manifest.SchemaVersion);
        Assert.True(File.Exists(Path.Combine(folder, BackupManifest.Database)));
        // Never the keys: not one of the personal-data keys' values is anywhere in the backup's text files.
        var text = string.Concat(Directory.GetFiles(folder).Where(f => !f.EndsWith(".dump", StringComparison.Ordinal)).Select(File.ReadAllText));
        foreach (var (_, value) in TestKeys.Settings.Where(s => s.Value is { Length: >= 16 }))
        {
            Assert.DoesNotContain(value!, text);
        }

        // The disaster: the database and every stored file gone.
        await TestPostgres.DropDatabaseAsync(factory.ConnectionString);
        Directory.Delete(factory.StorageRoot, recursive: true);

        (exit, output, error) = await _run.RunAsync("restore-check", folder);
        log.WriteLine(output);

        Assert.True(exit == 0, output + error);
        Assert.Contains("RESULT: OK", output);
        Assert.Contains("requests: 3 of 3 have every row", output);
        Assert.Contains($"attachments: {stored} of {stored} rows", output);
        Assert.DoesNotContain("DIFFERENCE", output);
        Assert.DoesNotContain(BackupRun.MadeDatabase(output), await BackupRun.RestoreCheckDatabasesAsync());
        Assert.DoesNotContain(Directory.GetDirectories(_run.Folder), d => Path.GetFileName(d).StartsWith(RestoreCheck.DatabasePrefix, StringComparison.Ordinal));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        Assert.NotEmpty(references);
    }
}

/// <summary>A backup whose bytes changed after it was made, and a backup where one already is.</summary>
public sealed class BackupCorruptionTests(ApiFactory factory) : ApiTest(factory), IDisposable
{
    private readonly BackupRun _run = new(factory);

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task RestoreCheck_OfABackupWithOneCorruptedObject_ExitsNonZero_NamingIt()
    {
        await _run.SubmitAsync(2);
        var folder = Path.Combine(_run.Folder, "corrupted");
        var (exit, output, error) = await _run.RunAsync("backup", folder);
        Assert.True(exit == 0, output + error);
        var (key, _, _) = BackupManifest.ReadObjects(folder).First();
        var file = Path.Combine(folder, BackupManifest.ObjectsFolder, key);
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(file, bytes);

        (exit, output, error) = await _run.RunAsync("restore-check", folder);

        Assert.True(exit == 1, output + error);
        Assert.Contains("RESULT: FAILED", output);
        // The object against the manifest, and against the row it belongs to (with its request's reference number).
        Assert.Contains($"DIFFERENCE object {key}: SHA-256", output);
        Assert.Contains($"DIFFERENCE object {key} (attachment ", output);
        Assert.Equal(2, output.Split('\n').Count(l => l.StartsWith("DIFFERENCE", StringComparison.Ordinal)));
        Assert.DoesNotContain(BackupRun.MadeDatabase(output), await BackupRun.RestoreCheckDatabasesAsync());
    }

    [Fact]
    public async Task Backup_IntoAFolderThatIsNotEmpty_IsRefused()
    {
        Directory.CreateDirectory(Path.Combine(_run.Folder, "used"));
        await File.WriteAllTextAsync(Path.Combine(_run.Folder, "used", "something"), "x");

        var (exit, _, error) = await _run.RunAsync("backup", Path.Combine(_run.Folder, "used"));

        Assert.Equal(3, exit);
        Assert.Contains("not empty", error);
    }
}

/// <summary>A node whose attachments are in a bucket of its own.</summary>
public sealed class S3BackupFactory : ApiFactory
{
    public Infrastructure.Files.S3StorageOptions S3 { get; } = TestS3.Options(TestS3.NewBucket());

    protected override IReadOnlyDictionary<string, string?> Settings => TestS3.Settings(S3);
}

/// <summary>With the attachments in a bucket: the backup reads them through the same store the API writes them with.</summary>
public sealed class BackupFromBucketTests(S3BackupFactory factory) : IClassFixture<S3BackupFactory>, IDisposable
{
    private readonly BackupRun _run = new(factory, TestS3.Settings(factory.S3));

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Backup_OfABucket_RestoreChecksWhole()
    {
        await _run.SubmitAsync(2);
        var folder = Path.Combine(_run.Folder, "bucket");

        var (exit, output, error) = await _run.RunAsync("backup", folder);
        Assert.True(exit == 0, output + error);
        var manifest = await BackupManifest.ReadAsync(folder, CancellationToken.None);
        Assert.Equal("S3", manifest.StorageProvider);
        Assert.Equal(8, manifest.Objects);

        (exit, output, error) = await _run.RunAsync("restore-check", folder);

        Assert.True(exit == 0, output + error);
        Assert.Contains("attachments: 8 of 8 rows", output);
    }
}
