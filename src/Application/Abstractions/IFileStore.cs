using CctvRequests.Application.Files;

namespace CctvRequests.Application.Abstractions;

/// <summary>
/// Attachment bytes live in a file store, apart from the database. An upload is first
/// <em>staged</em> (streamed to a temporary place while it is checked and hashed), then
/// <em>promoted</em> to its permanent random key just before the database commit
/// (<see cref="PromotedFiles"/> undoes that when the commit does not happen).
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Streams <paramref name="content"/> to a temporary file, sniffing its type and enforcing
    /// <paramref name="maxBytes"/>. An empty upload comes back with <c>SizeBytes</c> 0 and nothing staged.
    /// </summary>
    Task<StagedFile> StageAsync(string field, string? fileName, Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Moves a staged file to permanent storage and returns its storage key.</summary>
    Task<string> PromoteAsync(StagedFile file, CancellationToken cancellationToken);

    Task DeleteStagedAsync(StagedFile file);

    Task DeleteAsync(string storageKey);

    /// <summary>The stored bytes, streamed; <see cref="Common.NotFoundException"/> with <see cref="StoredFiles.Missing"/> when they are gone.</summary>
    Task<Stream> OpenReadAsync(string storageKey, CancellationToken cancellationToken);

    /// <summary>The stored bytes from <paramref name="offset"/> on (a resumed download), streamed.</summary>
    Task<Stream> OpenReadAsync(string storageKey, long offset, CancellationToken cancellationToken);
}
