using CctvRequests.Application.Files;

namespace CctvRequests.Application.Abstractions;

/// <summary>
/// Receives clips for the online copy (ADR 0017): streamed to the node's disk while their type is told from
/// their first bytes and their SHA-256 computed, then scanned by clamd; memory does not grow with the clip. A
/// resumable upload keeps its bytes so far in a file of its own, appended piece by piece.
/// </summary>
public interface IClipIntake
{
    /// <summary>A whole clip in one body (the simple path): staged, checked and scanned, or refused.</summary>
    Task<StagedFile> ReceiveAsync(Stream content, string? fileName, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The bytes a resumable upload holds so far.</summary>
    long Received(Guid uploadId);

    /// <summary>Appends a piece that starts where the upload stands; answers the new size.</summary>
    Task<long> AppendAsync(Guid uploadId, long offset, Stream piece, long length, CancellationToken cancellationToken);

    /// <summary>The whole upload, checked and scanned as <see cref="ReceiveAsync"/> checks one.</summary>
    Task<StagedFile> CompleteAsync(Guid uploadId, string? fileName, CancellationToken cancellationToken);

    void Discard(Guid uploadId);

    /// <summary>Removes unfinished uploads not written to since <paramref name="before"/>; answers how many.</summary>
    int DiscardIdle(DateTime before);
}
