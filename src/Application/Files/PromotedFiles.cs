using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Logging;
using Microsoft.Extensions.Logging;

namespace CctvRequests.Application.Files;

/// <summary>
/// The files one command moved from staging to permanent storage. The transaction behaviour
/// discards them when the command fails before its commit and keeps them once it committed.
/// When the commit itself fails (the database went away mid-commit), whether it happened is
/// unknown: the rows are looked for on a fresh connection, and the files are deleted only when no
/// row points at them. If even that cannot be asked, they are left for the storage sweep, which
/// deletes only files that no row references.
/// </summary>
public sealed class PromotedFiles(IFileStore store, IStoredFileReferences references, ILogger<PromotedFiles> logger) : IAsyncDisposable
{
    private readonly List<string> _keys = [];

    public async Task<string> PromoteAsync(StagedFile file, CancellationToken cancellationToken)
    {
        var key = await store.PromoteAsync(file, cancellationToken);
        _keys.Add(key);
        return key;
    }

    public void Committed() => _keys.Clear();

    public async Task DiscardAsync()
    {
        foreach (var key in _keys)
        {
            await store.DeleteAsync(key);
        }
        _keys.Clear();
    }

    /// <summary>
    /// After a commit that failed: true when the rows were saved after all (only the answer was
    /// lost), and the files stay; false otherwise, when the files are deleted, or when the database
    /// cannot be asked, when they are left for the sweep.
    /// </summary>
    public async Task<bool> CommittedAfterAllAsync()
    {
        if (_keys.Count == 0)
        {
            return false;
        }
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            if (await references.AnyReferencedAsync(_keys, timeout.Token))
            {
                _keys.Clear();
                logger.CommittedAfterAll();
                return true;
            }
            await DiscardAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.CommitUnknown(ex.GetType().Name, _keys.Count);
        }
        return false;
    }

    public ValueTask DisposeAsync()
    {
        if (_keys.Count > 0)
        {
            logger.FilesLeftForSweep(_keys.Count);
        }
        return ValueTask.CompletedTask;
    }
}
