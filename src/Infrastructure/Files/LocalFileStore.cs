using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure.Files;

/// <summary>
/// Attachments on the local file system. Uploads stream into <c>tmp/</c> (never held whole in
/// memory), are flushed to disk, and are renamed into <c>objects/yyyy/MM/</c> under a random
/// 128-bit name when promoted. Renames stay on one file system, so a file is either wholly in
/// place or not there at all. Files are 0600 and folders 0700: only the service's own user reads
/// them. The name the citizen gave is display text only, cleaned of control and format characters.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    private const int BufferSize = 81920;
    private readonly string _root;

    private readonly TimeProvider _clock;

    public LocalFileStore(IOptions<StorageOptions> options, TimeProvider clock)
    {
        _clock = clock;
        _root = Path.GetFullPath(options.Value.Root);
        foreach (var folder in new[] { _root, TempFolder, ObjectsFolder })
        {
            CreatePrivateDirectory(folder);
        }
    }

    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder 0700, and makes an existing one 0700 too.</summary>
    private static void CreatePrivateDirectory(string path)
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

    public string TempFolder => Path.Combine(_root, "tmp");

    public string ObjectsFolder => Path.Combine(_root, "objects");

    public async Task<StagedFile> StageAsync(string field, string? fileName, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var tempPath = Path.Combine(TempFolder, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[BufferSize];
            long total = 0;
            string? contentType = null;
            await using (var output = Disk(() => CreatePrivateFile(tempPath)))
            {
                int read;
                while ((read = await ReadAtLeastHeaderAsync(content, buffer, total == 0, cancellationToken)) > 0)
                {
                    if (total == 0)
                    {
                        contentType = FileTypes.Detect(buffer.AsSpan(0, read))
                                      ?? throw UnsupportedType(field, fileName);
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

    public Task<string> PromoteAsync(StagedFile file, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var key = $"{now:yyyy}/{now:MM}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}{FileTypes.Extension(file.ContentType)}";
        var target = PathOf(key);
        Disk(() =>
        {
            CreatePrivateDirectory(Path.GetDirectoryName(Path.GetDirectoryName(target)!)!);
            CreatePrivateDirectory(Path.GetDirectoryName(target)!);
            File.Move(file.TempPath, target, overwrite: false);
            return true;
        });
        return Task.FromResult(key);
    }

    public static readonly Domain.Common.Text Unavailable = new(
        "ขณะนี้ระบบจัดเก็บไฟล์ไม่พร้อม คำร้องยังไม่ได้บันทึก กรุณาลองใหม่อีกครั้ง",
        "Files cannot be stored right now, so the request was not saved. Please try again.");

    /// <summary>
    /// A file-system step (not reading the client's upload): a full disk, a folder that cannot be
    /// written or is gone, is the service being unavailable (503), not a fault in the request.
    /// </summary>
    private static T Disk<T>(Func<T> step)
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

    public Task DeleteStagedAsync(StagedFile file)
    {
        TryDelete(file.TempPath);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string storageKey)
    {
        TryDelete(PathOf(storageKey));
        return Task.CompletedTask;
    }

    public Task<Stream> OpenReadAsync(string storageKey, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(PathOf(storageKey), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous));

    /// <summary>Every stored key, for the start-up sweep of files no request points at.</summary>
    public IEnumerable<(string Key, DateTime LastWriteUtc)> EnumerateObjects() =>
        Directory.EnumerateFiles(ObjectsFolder, "*", SearchOption.AllDirectories)
            .Select(p => (Path.GetRelativePath(ObjectsFolder, p).Replace(Path.DirectorySeparatorChar, '/'), File.GetLastWriteTimeUtc(p)));

    private string PathOf(string storageKey)
    {
        var full = Path.GetFullPath(Path.Combine(ObjectsFolder, storageKey));
        if (!full.StartsWith(ObjectsFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A storage key points outside the store.");
        }
        return full;
    }

    /// <summary>The first read gathers enough bytes to recognise the type, however the stream chunks them.</summary>
    private static async ValueTask<int> ReadAtLeastHeaderAsync(Stream content, byte[] buffer, bool first, CancellationToken cancellationToken) =>
        first
            ? await content.ReadAtLeastAsync(buffer.AsMemory(), FileTypes.HeaderLength, throwOnEndOfStream: false, cancellationToken)
            : await content.ReadAsync(buffer.AsMemory(), cancellationToken);

    /// <summary>
    /// The citizen's file name as display text: the last path segment, without control, format
    /// (right-to-left overrides, zero-width characters), private-use or unpaired surrogate
    /// characters, at most <see cref="MaxNameLength"/> characters. Never used as a path.
    /// </summary>
    public static string CleanName(string? fileName, string contentType)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new System.Text.StringBuilder(name.Length);
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

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the start-up sweep.
        }
    }

    private static UnsupportedFileTypeException UnsupportedType(string field, string? fileName) =>
        new(field, UploadTexts.Named(UploadTexts.WrongType, DisplayName(field, fileName)));

    private static FileTooLargeException TooLarge(string field, string? fileName, long maxBytes) =>
        new(field, UploadTexts.Named(UploadTexts.TooLarge(maxBytes), DisplayName(field, fileName)));

    private static string DisplayName(string field, string? fileName) =>
        string.IsNullOrWhiteSpace(fileName) ? field : CleanName(fileName, string.Empty);
}
