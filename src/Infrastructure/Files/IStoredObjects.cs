namespace CctvRequests.Infrastructure.Files;

/// <summary>One permanent object as the store lists it: its key and when it was last written (the store's clock, UTC).</summary>
public sealed record StoredObject(string Key, DateTime LastModifiedUtc);

/// <summary>What the reconciler needs from a store, beside <see cref="Application.Abstractions.IFileStore"/>.</summary>
public interface IStoredObjects
{
    /// <summary>The node's scratch folder for uploads being checked.</summary>
    StagingArea Staging { get; }

    /// <summary>Every permanent object, a page at a time (never the whole list in memory).</summary>
    IAsyncEnumerable<IReadOnlyList<StoredObject>> ListAsync(int pageSize, CancellationToken cancellationToken);

    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Uploads begun at or before <paramref name="before"/> and never finished (a node died mid-way): aborted. Answers how many.</summary>
    Task<int> AbortUnfinishedAsync(DateTime before, CancellationToken cancellationToken);
}
