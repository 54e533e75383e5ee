namespace CctvRequests.Application.Files;

/// <summary>
/// Decides a file's type from its first bytes (magic numbers), never from its name or the
/// browser's declared type: a text file renamed <c>.pdf</c> is not a PDF.
/// </summary>
public static class FileTypes
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    /// <summary>Every type an attachment may be.</summary>
    public static readonly IReadOnlyList<string> Accepted = [Pdf, Jpeg, Png];

    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeaderLength = 8;

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PdfMagic))
        {
            return Pdf;
        }
        if (head.StartsWith(JpegMagic))
        {
            return Jpeg;
        }
        return head.StartsWith(PngMagic) ? Png : null;
    }

    public static string Extension(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Jpeg => ".jpg",
        Png => ".png",
        _ => ClipTypes.Extension(contentType),
    };
}
