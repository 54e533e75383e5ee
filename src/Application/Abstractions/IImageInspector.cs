using CctvRequests.Application.Files;

namespace CctvRequests.Application.Abstractions;

/// <summary>Decodes a PNG just enough to tell its size and whether anything is drawn on it.</summary>
public interface IImageInspector
{
    /// <summary>
    /// Null when the file is not a decodable PNG. When it is larger than the pixel limits it is not
    /// decoded: the facts carry its size (from the header) and <c>IsBlank</c> false.
    /// </summary>
    ImageFacts? InspectPng(string path, int maxWidth, int maxHeight);

    /// <summary>The same, for a PNG already in memory (a logo, a hand-over signature).</summary>
    ImageFacts? InspectPng(byte[] png, int maxWidth, int maxHeight);
}
