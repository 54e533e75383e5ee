using System.Buffers.Binary;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Files;
using StbImageSharp;

namespace CctvRequests.Infrastructure.Files;

/// <summary>
/// Reads the size from the PNG header first and decodes only images within the limits, so a
/// small file cannot unpack into a huge bitmap. An image is blank when fewer than
/// <see cref="MinInkPixels"/> pixels differ from its background (the top-left pixel).
/// </summary>
public sealed class PngInspector : IImageInspector
{
    public const int MinInkPixels = 20;

    public ImageFacts? InspectPng(string path, int maxWidth, int maxHeight)
    {
        using var stream = File.OpenRead(path);
        return Inspect(stream, maxWidth, maxHeight);
    }

    public ImageFacts? InspectPng(byte[] png, int maxWidth, int maxHeight) => Inspect(new MemoryStream(png, writable: false), maxWidth, maxHeight);

    private static ImageFacts? Inspect(Stream stream, int maxWidth, int maxHeight)
    {
        try
        {
            Span<byte> header = stackalloc byte[24];
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
                || FileTypes.Detect(header) != FileTypes.Png
                || !header.Slice(12, 4).SequenceEqual("IHDR"u8))
            {
                return null;
            }
            var width = (int)BinaryPrimitives.ReadUInt32BigEndian(header.Slice(16, 4));
            var height = (int)BinaryPrimitives.ReadUInt32BigEndian(header.Slice(20, 4));
            if (width <= 0 || height <= 0)
            {
                return null;
            }
            if (width > maxWidth || height > maxHeight)
            {
                return new ImageFacts(width, height, IsBlank: false);
            }
            stream.Position = 0;
            if (PngGuard.Check(stream, (long)maxWidth * maxHeight) is null)
            {
                return null;
            }
            stream.Position = 0;
            var image = ImageResult.FromStream(stream, ColorComponents.RedGreenBlueAlpha);
            return new ImageFacts(image.Width, image.Height, IsBlank(image.Data));
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public static bool IsBlank(byte[] rgba)
    {
        var background = BinaryPrimitives.ReadUInt32LittleEndian(rgba);
        var backgroundTransparent = rgba[3] == 0;
        var ink = 0;
        for (var i = 0; i + 3 < rgba.Length; i += 4)
        {
            var pixel = BinaryPrimitives.ReadUInt32LittleEndian(rgba.AsSpan(i, 4));
            var differs = backgroundTransparent ? rgba[i + 3] != 0 : pixel != background;
            if (differs && ++ink >= MinInkPixels)
            {
                return false;
            }
        }
        return true;
    }
}
