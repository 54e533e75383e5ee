using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CctvRequests.TestSupport;

/// <summary>
/// Files that look like what they claim at the start but carry something else: EXIF with a
/// location, bytes after the end, PDFs with scripts, decompression bombs.
/// </summary>
public static class HostileFiles
{
    /// <summary>A JPEG with an EXIF block (orientation, and a GPS note) and an executable's header after its end.</summary>
    public static byte[] JpegWithExifAndTrailer(ushort orientation = 1)
    {
        var jpeg = SampleFiles.Jpeg();
        var tiff = new List<byte>("II*\0"u8.ToArray());
        tiff.AddRange([8, 0, 0, 0, 1, 0]); // IFD at 8, one entry
        tiff.AddRange([0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte)orientation, 0, 0, 0]); // 0x0112 Orientation, SHORT, 1
        tiff.AddRange([0, 0, 0, 0]); // no next IFD
        tiff.AddRange("GPSLatitude 18.2888N GPSLongitude 99.4928E"u8.ToArray());
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var app1 = new byte[4 + payload.Length];
        app1[0] = 0xFF;
        app1[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(app1, 4);
        return [.. jpeg[..2], .. app1, .. jpeg[2..], .. Trailer];
    }

    public static readonly byte[] Trailer = "MZ\u0090\0 This program cannot be run in DOS mode. <script>alert(1)</script>"u8.ToArray();

    /// <summary>A PNG with a text chunk (a comment with personal data) and bytes after IEND.</summary>
    public static byte[] PngWithTextAndTrailer()
    {
        var png = SampleFiles.Png(20, 20, (_, _) => 255);
        var iend = png.Length - 12;
        return [.. png[..iend], .. Chunk("tEXt", "Comment\0GPS 18.2888N, owner: somchai"u8.ToArray()), .. png[iend..], .. Trailer];
    }

    /// <summary>
    /// A PNG that decodes as <paramref name="png"/> but carries a <c>tEXt</c> chunk with a script and an
    /// HTML page after IEND: a polyglot a browser might sniff as HTML if the bytes were served as sent.
    /// </summary>
    public static byte[] PngWithScriptAndHtml(byte[] png)
    {
        var iend = png.Length - 12;
        return [.. png[..iend], .. Chunk("tEXt", "Comment\0<script>alert(document.cookie)</script>"u8.ToArray()), .. png[iend..], .. HtmlTrailer];
    }

    public static readonly byte[] HtmlTrailer = "<html><body><script>alert(1)</script></body></html>"u8.ToArray();

    /// <summary>
    /// A PNG of <paramref name="width"/> × <paramref name="height"/> whose image data, after a few
    /// rows of ink, inflates to <paramref name="inflatedBytes"/> of zeros: small on the wire, huge unpacked.
    /// </summary>
    public static byte[] DecompressionBomb(int width = 2000, int height = 1000, long inflatedBytes = 200L * 1024 * 1024)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + (width * 4)];
            for (var i = 1; i < row.Length; i += 4)
            {
                row[i + 3] = 0xFF; // ink
            }
            long written = 0;
            for (var y = 0; y < 10; y++, written += row.Length)
            {
                zlib.Write(row);
            }
            var zeros = new byte[1024 * 1024];
            while (written < inflatedBytes)
            {
                var n = (int)Math.Min(zeros.Length, inflatedBytes - written);
                zlib.Write(zeros, 0, n);
                written += n;
            }
        }
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 6; // RGBA
        return [.. PngSignature, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    /// <summary>A JPEG whose frame header claims 60000 × 60000 pixels.</summary>
    public static byte[] JpegClaimingHugeSize()
    {
        var jpeg = SampleFiles.Jpeg();
        for (var i = 2; i < jpeg.Length - 9; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 5), 60000);
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 7), 60000);
                return jpeg;
            }
        }
        throw new InvalidOperationException("No frame header.");
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }

    /// <summary>A well-formed PDF with extra text in its catalog, and extra objects before the cross-reference table.</summary>
    public static byte[] Pdf(string catalogExtra = "", string extraObjects = "", string? firstLineComment = null)
    {
        var text = Encoding.Latin1.GetString(SampleFiles.Pdf());
        text = text.Replace("<< /Type /Catalog /Pages 2 0 R >>", $"<< /Type /Catalog /Pages 2 0 R {catalogExtra} >>", StringComparison.Ordinal);
        text = text.Replace("xref\n", extraObjects + "xref\n", StringComparison.Ordinal);
        if (firstLineComment is not null)
        {
            text = text.Replace("%PDF-1.4\n", $"%PDF-1.4\n%{firstLineComment}\n", StringComparison.Ordinal);
        }
        return Encoding.Latin1.GetBytes(text);
    }

    /// <summary>An object stream (where a PDF can hide dictionaries), its content Flate-compressed.</summary>
    public static string ObjectStream(string hiddenObjects, string filter = "/FlateDecode")
    {
        byte[] data;
        if (filter == "/FlateDecode")
        {
            using var compressed = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(Encoding.Latin1.GetBytes(hiddenObjects));
            }
            data = compressed.ToArray();
        }
        else
        {
            data = Encoding.ASCII.GetBytes(Convert.ToHexString(Encoding.Latin1.GetBytes(hiddenObjects)) + ">");
        }
        return $"9 0 obj\n<< /Type /ObjStm /N 1 /First 5 /Filter {filter} /Length {data.Length} >>\nstream\n{Encoding.Latin1.GetString(data)}\nendstream\nendobj\n";
    }

    /// <summary>An image stream whose (binary) data happens to contain the bytes of action names: not actions.</summary>
    public static string ImageStreamWithActionBytes()
    {
        var data = "\xFF\xD8\x01/JavaScript /JS (x) /Launch\xFF\xD9";
        return $"8 0 obj\n<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length {data.Length} >>\nstream\n{data}\nendstream\nendobj\n";
    }
}
