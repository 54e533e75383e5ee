using System.Buffers.Binary;
using System.IO.Compression;

namespace CctvRequests.Infrastructure.Files;

/// <summary>
/// Checks a PNG before anything decodes it: the declared size within the limits, and its image
/// data inflating to no more than that size needs. The data is inflated into a counter, never a
/// buffer, so a small file full of compressed zeros (a decompression bomb) costs no memory.
/// </summary>
public static class PngGuard
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image's size when it is a sound PNG within the limits; null otherwise.</summary>
    public static (int Width, int Height)? Check(Stream png, long maxPixels)
    {
        Span<byte> head = stackalloc byte[8];
        if (png.ReadAtLeast(head, 8, throwOnEndOfStream: false) < 8 || !head.SequenceEqual(Signature))
        {
            return null;
        }
        int width = 0, height = 0;
        long expected = 0;
        var idat = new IdatStream(png);
        while (ReadChunkHeader(png, out var length, out var type))
        {
            if (type == "IHDR")
            {
                var ihdr = new byte[13];
                if (length != 13 || png.ReadAtLeast(ihdr, 13, throwOnEndOfStream: false) < 13)
                {
                    return null;
                }
                width = (int)BinaryPrimitives.ReadUInt32BigEndian(ihdr);
                height = (int)BinaryPrimitives.ReadUInt32BigEndian(ihdr.AsSpan(4));
                if (width <= 0 || height <= 0 || (long)width * height > maxPixels)
                {
                    return null;
                }
                expected = RawSize(width, height, bitDepth: ihdr[8], colorType: ihdr[9], interlaced: ihdr[12] == 1);
                if (expected <= 0)
                {
                    return null;
                }
                Skip(png, 4);
                continue;
            }
            if (type == "IDAT" && expected > 0)
            {
                // The first IDAT: inflate it and every IDAT that follows, counting.
                idat.Start(length);
                return Inflated(idat, expected) is not null ? (width, height) : null;
            }
            Skip(png, length + 4L);
        }
        return null;
    }

    /// <summary>The inflated size, or null as soon as it passes <paramref name="limit"/> (or the data is not zlib).</summary>
    private static long? Inflated(Stream compressed, long limit)
    {
        try
        {
            using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
            var buffer = new byte[16 * 1024];
            long total = 0;
            int read;
            while ((read = inflater.Read(buffer)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    return null;
                }
            }
            return total;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Bytes of filtered scanlines a PNG of this shape holds (all seven passes when interlaced).</summary>
    public static long RawSize(int width, int height, int bitDepth, int colorType, bool interlaced)
    {
        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        if (channels == 0 || bitDepth is not (1 or 2 or 4 or 8 or 16))
        {
            return 0;
        }
        long Rows(long w, long h) => w <= 0 || h <= 0 ? 0 : h * (1 + (((w * channels * bitDepth) + 7) / 8));
        if (!interlaced)
        {
            return Rows(width, height);
        }
        (int X, int Y, int Dx, int Dy)[] passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
        return passes.Sum(p => Rows((width - p.X + p.Dx - 1) / p.Dx, (height - p.Y + p.Dy - 1) / p.Dy));
    }

    private static bool ReadChunkHeader(Stream png, out long length, out string type)
    {
        Span<byte> header = stackalloc byte[8];
        length = 0;
        type = string.Empty;
        if (png.ReadAtLeast(header, 8, throwOnEndOfStream: false) < 8)
        {
            return false;
        }
        length = BinaryPrimitives.ReadUInt32BigEndian(header);
        type = System.Text.Encoding.ASCII.GetString(header[4..]);
        return length <= int.MaxValue;
    }

    private static void Skip(Stream png, long count)
    {
        if (png.CanSeek)
        {
            png.Seek(count, SeekOrigin.Current);
            return;
        }
        var buffer = new byte[8192];
        while (count > 0 && png.Read(buffer, 0, (int)Math.Min(buffer.Length, count)) is > 0 and var read)
        {
            count -= read;
        }
    }

    /// <summary>The concatenated data of consecutive IDAT chunks, read straight from the file.</summary>
    private sealed class IdatStream(Stream png) : Stream
    {
        private long _left;
        private bool _done;

        public void Start(long length) => _left = length;

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_left == 0 && !_done)
            {
                Skip(png, 4); // CRC
                if (!ReadChunkHeader(png, out var length, out var type) || type != "IDAT")
                {
                    _done = true;
                    return 0;
                }
                _left = length;
            }
            if (_done)
            {
                return 0;
            }
            var read = png.Read(buffer, offset, (int)Math.Min(count, _left));
            if (read == 0)
            {
                _done = true;
            }
            _left -= read;
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
