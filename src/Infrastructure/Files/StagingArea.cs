using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;

namespace CctvRequests.Infrastructure.Files;

/// <summary>
/// The node's own scratch folder for uploads being received and checked (virus scan, re-encoding,
/// PDF rules all need a file). Uploads stream into it (never held whole in memory) and are flushed
/// to disk; files are 0600 and folders 0700. Every store stages here, whatever it promotes to, and
/// the folder belongs to one process: at start whatever is in it is a leftover of a stopped one.
/// The name the citizen gave is display text only, cleaned of control and format characters.
/// </summary>
public sealed class StagingArea
{
    public const int BufferSize = 81920;
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public StagingArea(string folder)
    {
        Folder = Path.GetFullPath(folder);
        CreatePrivateDirectory(Path.GetDirectoryName(Folder)!);
        CreatePrivateDirectory(Folder);
    }

    public string Folder { get; }

    public static readonly Domain.Common.Text Unavailable = new(
        "ขณะนี้ระบบจัดเก็บไฟล์ไม่พร้อม คำร้องยังไม่ได้บันทึก กรุณาลองใหม่อีกครั้ง",
        "Files cannot be stored right now, so the request was not saved. Please try again.");

    /// <summary>How an upload's type is told from its first bytes, and what a refusal says.</summary>
    public sealed record UploadKind(int HeaderLength, Func<byte[], int, string?> Detect, Func<string, string?, byte[], int, Exception> Refuse);

    /// <summary>The citizen's documents: PDF, JPEG, PNG.</summary>
    public static readonly UploadKind Documents = new(
        FileTypes.HeaderLength, (head, length) => FileTypes.Detect(head.AsSpan(0, length)), (field, fileName, _, _) => UnsupportedType(field, fileName));

    /// <summary>Clips exported from an NVR (<see cref="ClipTypes"/>); a program or an archive is refused with its own advice.</summary>
    public static readonly UploadKind Clips = new(
        ClipTypes.HeaderLength, (head, length) => ClipTypes.Detect(head.AsSpan(0, length)),
        (field, _, head, length) => new UnsupportedFileTypeException(field, ClipTypes.Message(ClipTypes.WhyNot(head.AsSpan(0, length)))));

    /// <summary>
    /// Streams <paramref name="content"/> to a new scratch file, sniffing its type, hashing it and
    /// enforcing <paramref name="maxBytes"/>. An empty upload comes back with size 0 and no file.
    /// </summary>
    public Task<StagedFile> StageAsync(string field, string? fileName, Stream content, long maxBytes, CancellationToken cancellationToken) =>
        StageAsync(field, fileName, content, maxBytes, Documents, cancellationToken);

    public async Task<StagedFile> StageAsync(string field, string? fileName, Stream content, long maxBytes, UploadKind kind, CancellationToken cancellationToken)
    {
        var tempPath = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[BufferSize];
            long total = 0;
            string? contentType = null;
            await using (var output = Disk(() => CreatePrivateFile(tempPath)))
            {
                int read;
                while ((read = await ReadAtLeastHeaderAsync(content, buffer, total == 0 ? kind.HeaderLength : 0, cancellationToken)) > 0)
                {
                    if (total == 0)
                    {
                        contentType = kind.Detect(buffer, read) ?? throw kind.Refuse(field, fileName, buffer, read);
                    }
                    total += read;
                    if (total > maxBytes)
                    {
                        throw TooLarge(field, fileName, maxBytes);
                    }
                    hash.AppendData(buffer, 0, read);
                    await DiskAsync(() => output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).AsTask());
                }
                // Durable before the database is told the file exists.
                Disk(() =>
                {
                    output.Flush(flushToDisk: true);
                    return true;
                });
            }
            if (contentType is null)
            {
                // Empty: the caller decides whether that means "no file" or a mistake.
                TryDelete(tempPath);
                return new StagedFile(field, tempPath, fileName ?? string.Empty, string.Empty, 0, string.Empty);
            }
            return new StagedFile(field, tempPath, CleanName(fileName, contentType), contentType, total, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    /// <summary>Removes scratch files last written at or before <paramref name="before"/> (UTC, the file system's clock).</summary>
    public int Sweep(DateTime before)
    {
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Folder).Where(f => File.GetLastWriteTimeUtc(f) <= before).ToList())
        {
            if (TryDelete(file))
            {
                removed++;
            }
        }
        return removed;
    }

    /// <summary>Creates the folder 0700, and makes an existing one 0700 too.</summary>
    public static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, PrivateFolder);
        File.SetUnixFileMode(path, PrivateFolder);
    }

    private static FileStream CreatePrivateFile(string path)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = BufferSize, Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFile;
        }
        return new FileStream(path, options);
    }

    /// <summary>
    /// A file-system step (not reading the client's upload): a full disk, a folder that cannot be
    /// written or is gone, is the service being unavailable (503), not a fault in the request.
    /// </summary>
    public static T Disk<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ServiceUnavailableException(Unavailable, e);
        }
    }

    private static async Task DiskAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ServiceUnavailableException(Unavailable, e);
        }
    }

    /// <summary>Deletes a file; a failure leaves it for the next sweep.</summary>
    public static bool TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The first read gathers enough bytes to recognise the type, however the stream chunks them.</summary>
    private static async ValueTask<int> ReadAtLeastHeaderAsync(Stream content, byte[] buffer, int header, CancellationToken cancellationToken) =>
        header > 0
            ? await content.ReadAtLeastAsync(buffer.AsMemory(), header, throwOnEndOfStream: false, cancellationToken)
            : await content.ReadAsync(buffer.AsMemory(), cancellationToken);

    /// <summary>
    /// A file assembled elsewhere (the chunks of a resumable upload) checked as <see cref="StageAsync(string, string?, Stream, long, UploadKind, CancellationToken)"/>
    /// checks a stream: its type from its first bytes, its SHA-256 read once; the file stays where it is.
    /// </summary>
    public static async Task<StagedFile> InspectAsync(string field, string path, string? fileName, UploadKind kind, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var head = new byte[Math.Max(kind.HeaderLength, 16)];
        var length = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var contentType = kind.Detect(head, length) ?? throw kind.Refuse(field, fileName, head, length);
        file.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        return new StagedFile(field, path, CleanName(fileName, contentType), contentType, file.Length, sha256);
    }

    /// <summary>
    /// The citizen's file name as display text: the last path segment, without control, format
    /// (right-to-left overrides, zero-width characters), private-use or unpaired surrogate
    /// characters, at most <see cref="MaxNameLength"/> characters. Never used as a path.
    /// </summary>
    public static string CleanName(string? fileName, string contentType)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (rune.Value == 0xFFFD || category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
                    or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }
            kept.Append(rune.ToString());
        }
        var clean = kept.ToString().Trim().Trim('.').Trim();
        if (clean.Length > MaxNameLength)
        {
            var extension = Path.GetExtension(clean);
            clean = clean[..(MaxNameLength - Math.Min(extension.Length, 20))].TrimEnd() + (extension.Length <= 20 ? extension : string.Empty);
        }
        return string.IsNullOrWhiteSpace(clean) ? "file" + FileTypes.Extension(contentType) : clean;
    }

    public const int MaxNameLength = 200;

    /// <summary>A new permanent key: <c>yyyy/MM/</c> and 128 random bits, with the type's extension. The same shape in every store.</summary>
    public static string NewKey(DateTimeOffset now, string contentType) =>
        $"{now:yyyy}/{now:MM}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}{FileTypes.Extension(contentType)}";

    /// <summary>Whether a key has the shape <see cref="NewKey"/> makes (the reconciler touches nothing else).</summary>
    public static bool IsStoreKey(string key) =>
        System.Text.RegularExpressions.Regex.IsMatch(key, @"\A[0-9]{4}/[0-9]{2}/[0-9a-f]{32}(\.[a-z0-9]{1,5})?\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static UnsupportedFileTypeException UnsupportedType(string field, string? fileName) =>
        new(field, UploadTexts.Named(UploadTexts.WrongType, DisplayName(field, fileName)));

    private static FileTooLargeException TooLarge(string field, string? fileName, long maxBytes) =>
        new(field, UploadTexts.Named(UploadTexts.TooLarge(maxBytes), DisplayName(field, fileName)));

    private static string DisplayName(string field, string? fileName) =>
        string.IsNullOrWhiteSpace(fileName) ? field : CleanName(fileName, string.Empty);
}
