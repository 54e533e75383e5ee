using System.Buffers.Binary;

namespace CctvRequests.Infrastructure.Files;

/// <summary>
/// A phone's photo says in EXIF which way is up. Re-encoding drops EXIF, so the pixels are turned
/// first: the officer sees the ID card upright.
/// </summary>
public static class ExifOrientation
{
    /// <summary>The orientation tag (1-8) of a JPEG, 1 when there is none.</summary>
    public static int Read(byte[] jpeg)
    {
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF)
        {
            var marker = jpeg[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            if (marker == 0xDA || length < 2)
            {
                break;
            }
            var segment = jpeg.AsSpan(at + 4, Math.Min(length - 2, jpeg.Length - at - 4));
            if (marker == 0xE1 && segment.Length > 14 && segment[..6].SequenceEqual("Exif\0\0"u8))
            {
                return FromTiff(segment[6..]);
            }
            at += 2 + length;
        }
        return 1;
    }

    private static int FromTiff(ReadOnlySpan<byte> tiff)
    {
        var little = tiff[0] == 'I';
        ushort U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
        uint U32(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
        var ifd = (int)U32(tiff[4..]);
        if (ifd < 8 || ifd + 2 > tiff.Length)
        {
            return 1;
        }
        var count = U16(tiff[ifd..]);
        for (var i = 0; i < count; i++)
        {
            var entry = ifd + 2 + (i * 12);
            if (entry + 12 > tiff.Length)
            {
                break;
            }
            if (U16(tiff[entry..]) == 0x0112)
            {
                var value = U16(tiff[(entry + 8)..]);
                return value is >= 1 and <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /// <summary>The RGB pixels turned upright, with their new size.</summary>
    public static (byte[] Pixels, int Width, int Height) Apply(int orientation, byte[] rgb, int width, int height)
    {
        if (orientation == 1)
        {
            return (rgb, width, height);
        }
        var swap = orientation >= 5;
        var (w, h) = swap ? (height, width) : (width, height);
        var result = new byte[rgb.Length];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var (sx, sy) = orientation switch
                {
                    2 => (width - 1 - x, y),
                    3 => (width - 1 - x, height - 1 - y),
                    4 => (x, height - 1 - y),
                    5 => (y, x),
                    6 => (y, height - 1 - x),
                    7 => (width - 1 - y, height - 1 - x),
                    _ => (width - 1 - y, x),
                };
                Buffer.BlockCopy(rgb, ((sy * width) + sx) * 3, result, ((y * w) + x) * 3, 3);
            }
        }
        return (result, w, h);
    }
}
