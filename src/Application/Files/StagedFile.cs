namespace CctvRequests.Application.Files;

/// <summary>An uploaded file streamed to a temporary place, checked and hashed, not yet part of any request.</summary>
public sealed record StagedFile(
    string Field,
    string TempPath,
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256)
{
    /// <summary>Set for a PNG that was decoded (the signature); null when it was not or could not be.</summary>
    public ImageFacts? Image { get; init; }
}

/// <summary>What the signature check needs to know about a decoded image.</summary>
public sealed record ImageFacts(int Width, int Height, bool IsBlank);
