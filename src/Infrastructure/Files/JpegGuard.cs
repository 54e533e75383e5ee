using System.Buffers.Binary;

namespace CctvRequests.Infrastructure.Files;

/// <summary>
/// Walks a JPEG's markers before anything decodes it: every segment's length within the file, a
/// frame header (SOF) with a size within the limit, at least one scan, and the end-of-image marker.
/// The decoder then gets only the bytes up to that marker. A file that fails this walk is not
/// handed to the decoder at all: StbImageSharp's header reader never returns on some malformed
/// files (a hostile-input test found one), and what it never sees cannot hang it. Every step of
/// the walk moves forward, so it ends.
/// </summary>
public static class JpegGuard
{
    public sealed record Facts(int Width, int Height, int Length);

    public static Facts? Check(ReadOnlySpan<byte> jpeg, long maxPixels)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            return null;
        }
        int width = 0, height = 0;
        var scans = 0;
        var at = 2;
        while (at + 1 < jpeg.Length)
        {
            if (jpeg[at] != 0xFF)
            {
                return null; // a segment must start where the previous one said it ends
            }
            var marker = jpeg[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }
            if (marker == 0xD9)
            {
                return width > 0 && scans > 0 ? new Facts(width, height, at + 2) : null;
            }
            if (marker is 0x01 or >= 0xD0 and <= 0xD7)
            {
                at += 2; // no length
                continue;
            }
            if (at + 4 > jpeg.Length)
            {
                return null;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 2)..]);
            if (length < 2 || at + 2 + length > jpeg.Length)
            {
                return null;
            }
            if (IsFrameHeader(marker))
            {
                if (length < 8 || width > 0)
                {
                    return null; // too short, or a second frame
                }
                height = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 5)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 7)..]);
                if (width == 0 || height == 0 || (long)width * height > maxPixels)
                {
                    return null;
                }
            }
            at += 2 + length;
            if (marker == 0xDA)
            {
                if (width == 0)
                {
                    return null; // a scan before the frame header
                }
                scans++;
                at = SkipEntropyData(jpeg, at);
            }
        }
        return null; // no end-of-image marker: cut short
    }

    /// <summary>SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).</summary>
    private static bool IsFrameHeader(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    /// <summary>The position of the marker that ends a scan's entropy-coded data (stuffed FF 00 and restart markers are data).</summary>
    private static int SkipEntropyData(ReadOnlySpan<byte> jpeg, int at)
    {
        while (at + 1 < jpeg.Length)
        {
            var next = jpeg[at..].IndexOf((byte)0xFF);
            if (next < 0)
            {
                return jpeg.Length;
            }
            at += next;
            if (at + 1 >= jpeg.Length)
            {
                return jpeg.Length;
            }
            var following = jpeg[at + 1];
            if (following is 0x00 or 0xFF or >= 0xD0 and <= 0xD7)
            {
                at += following == 0xFF ? 1 : 2;
                continue;
            }
            return at;
        }
        return jpeg.Length;
    }
}
