using CctvRequests.Application.Files;

namespace CctvRequests.Application.Abstractions;

/// <summary>
/// Makes a staged upload safe for the officer who will open it: images are decoded within bounds
/// and re-encoded (no EXIF, nothing appended), PDFs are read for active content. Refused content
/// throws <see cref="Common.UnsupportedFileTypeException"/> naming the field.
/// </summary>
public interface IUploadSanitizer
{
    /// <summary>The file to keep: the same one (a clean PDF) or a new staged copy (a re-encoded image, with its facts).</summary>
    Task<StagedFile> SanitizeAsync(StagedFile file, CancellationToken cancellationToken);

    /// <summary>
    /// A PNG held in memory (the organization's logo, a hand-over signature) made safe the same way:
    /// decoded within <paramref name="maxPixels"/> and written again from its pixels, so no text
    /// chunk and nothing after its end survives. Null when it is not such a PNG.
    /// </summary>
    byte[]? ReEncodePng(byte[] png, long maxPixels);
}
