using System.Runtime.CompilerServices;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Infrastructure.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure.Files;

/// <summary>
/// Attachments on the local file system, the embedded default. Uploads are staged in <c>tmp/</c>
/// (<see cref="StagingArea"/>) and renamed into <c>objects/yyyy/MM/</c> under a random 128-bit
/// name when promoted. Renames stay on one file system, so a file is either wholly in place or not
/// there at all. Files are 0600 and folders 0700: only the service's own user reads them.
/// </summary>
public sealed class LocalFileStore : IFileStore, IStoredObjects
{
    private readonly string _root;
    private readonly TimeProvider _clock;

    private readonly ILogger<LocalFileStore> _logger;

    public LocalFileStore(IOptions<StorageOptions> options, TimeProvider clock, ILogger<LocalFileStore> logger)
    {
        _clock = clock;
        _logger = logger;
        _root = Path.GetFullPath(options.Value.Root);
        StagingArea.CreatePrivateDirectory(_root);
        StagingArea.CreatePrivateDirectory(ObjectsFolder);
        Staging = new StagingArea(options.Value.ScratchFolder);
    }

    public StagingArea Staging { get; }

    public string ObjectsFolder => Path.Combine(_root, "objects");

    public Task<StagedFile> StageAsync(string field, string? fileName, Stream content, long maxBytes, CancellationToken cancellationToken) =>
        Staging.StageAsync(field, fileName, content, maxBytes, cancellationToken);

    public Task<string> PromoteAsync(StagedFile file, CancellationToken cancellationToken)
    {
        var key = StagingArea.NewKey(_clock.GetUtcNow(), file.ContentType);
        var target = PathOf(key);
        StagingArea.Disk(() =>
        {
            StagingArea.CreatePrivateDirectory(Path.GetDirectoryName(Path.GetDirectoryName(target)!)!);
            StagingArea.CreatePrivateDirectory(Path.GetDirectoryName(target)!);
            File.Move(file.TempPath, target, overwrite: false);
            return true;
        });
        return Task.FromResult(key);
    }

    public Task DeleteStagedAsync(StagedFile file)
    {
        StagingArea.TryDelete(file.TempPath);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string storageKey)
    {
        StagingArea.TryDelete(PathOf(storageKey));
        return Task.CompletedTask;
    }

    public Task<Stream> OpenReadAsync(string storageKey, CancellationToken cancellationToken) => OpenReadAsync(storageKey, 0, cancellationToken);

    public Task<Stream> OpenReadAsync(string storageKey, long offset, CancellationToken cancellationToken)
    {
        try
        {
            var file = new FileStream(PathOf(storageKey), FileMode.Open, FileAccess.Read, FileShare.Read, StagingArea.BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            file.Position = offset;
            return Task.FromResult<Stream>(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            _logger.StoredFileMissing(storageKey);
            throw new NotFoundException(StoredFiles.Missing);
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<StoredObject>> ListAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The directory walk is lazy: one page of names in memory at a time.
        foreach (var page in Directory.EnumerateFiles(ObjectsFolder, "*", SearchOption.AllDirectories)
                     .Select(p => new StoredObject(Path.GetRelativePath(ObjectsFolder, p).Replace(Path.DirectorySeparatorChar, '/'), File.GetLastWriteTimeUtc(p)))
                     .Chunk(pageSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return page;
            await Task.Yield();
        }
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            StagingArea.TryDelete(PathOf(key));
        }
        return Task.CompletedTask;
    }

    /// <summary>A rename is whole or not at all: nothing is ever left half-written among the objects.</summary>
    public Task<int> AbortUnfinishedAsync(DateTime before, CancellationToken cancellationToken) => Task.FromResult(0);

    private string PathOf(string storageKey)
    {
        var full = Path.GetFullPath(Path.Combine(ObjectsFolder, storageKey));
        if (!full.StartsWith(ObjectsFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A storage key points outside the store.");
        }
        return full;
    }
}
