using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CctvRequests.Infrastructure.Backups;

/// <summary>
/// <c>manifest.json</c>, written last (its presence marks a finished backup): when, the schema version (the last
/// applied migration), the rows of every table, and the SHA-256 of each file beside it: <c>database.dump</c>
/// (<c>pg_dump -Fc</c>), <c>requests.tsv</c> (every request's rows in each table that names it) and
/// <c>objects.tsv</c> (every stored object: key, bytes, SHA-256). The personal-data keys are never in it.
/// </summary>
public sealed record BackupManifest(
    int Format,
    DateTimeOffset CreatedAt,
    string SchemaVersion,
    string StorageProvider,
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyDictionary<string, BackupFile> Files,
    long Objects,
    long ObjectBytes,
    IReadOnlyList<string> Problems,
    string Keys)
{
    public const string FileName = "manifest.json";
    public const string Database = "database.dump";
    public const string Requests = "requests.tsv";
    public const string ObjectList = "objects.tsv";
    public const string ObjectsFolder = "objects";
    public const string KeysNote = "Not in this backup: the personal-data keys (PersonalData:*) and the Data Protection certificate; they are kept apart (docs/OPERATIONS.md, key custody).";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<BackupManifest> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new BackupException($"{path} is missing: not a finished backup.");
        }
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, cancellationToken)
               ?? throw new BackupException($"{path} is empty.");
    }

    public static async Task<BackupFile> DescribeAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return new BackupFile(stream.Length, Convert.ToHexStringLower(hash));
    }

    /// <summary>One line of <c>objects.tsv</c>.</summary>
    public static string ObjectLine(string key, long bytes, string sha256) =>
        string.Create(CultureInfo.InvariantCulture, $"{key}\t{bytes}\t{sha256}");

    public static IEnumerable<(string Key, long Bytes, string Sha256)> ReadObjects(string folder)
    {
        foreach (var line in File.ReadLines(Path.Combine(folder, ObjectList), Encoding.UTF8))
        {
            var parts = line.Split('\t');
            if (parts.Length == 3)
            {
                yield return (parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]);
            }
        }
    }
}

public sealed record BackupFile(long Bytes, string Sha256);

/// <summary>A backup or a restore check that cannot go on; the message says why, for an operator.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
