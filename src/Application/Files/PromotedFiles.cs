using CctvRequests.Application.Abstractions;
using Microsoft.Extensions.Logging;

namespace CctvRequests.Application.Files;

/// <summary>
/// The files one command moved from staging to permanent storage. The transaction behaviour
/// discards them when the command fails before its commit and keeps them once it committed; if
/// neither happened (the commit's outcome is unknown) they are left for the storage sweep, which
/// deletes only files no row references.
/// </summary>
public sealed class PromotedFiles(IFileStore store, ILogger<PromotedFiles> logger) : IAsyncDisposable
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

    public ValueTask DisposeAsync()
    {
        if (_keys.Count > 0)
        {
            logger.LogWarning("{Count} promoted files of an unfinished commit are left for the storage sweep", _keys.Count);
        }
        return ValueTask.CompletedTask;
    }
}
