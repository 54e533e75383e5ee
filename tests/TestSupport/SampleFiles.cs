using System.Text;
using StbImageWriteSharp;

namespace CctvRequests.TestSupport;

/// <summary>Real files of each accepted type, made on the fly.</summary>
public static class SampleFiles
{
    public static byte[] Pdf(string text = "CCTV request test")
    {
        // A minimal well-formed one-page PDF.
        var body = $"BT /F1 18 Tf 30 100 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {body.Length} >>\nstream\n{body}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = sb.Length;
        sb.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            sb.Append($"{offset:D10} 00000 n \n");
        }
        sb.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    public static byte[] Jpeg(int width = 64, int height = 48)
    {
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 3;
                rgb[i] = (byte)(x * 4);
                rgb[i + 1] = (byte)(y * 5);
                rgb[i + 2] = 160;
            }
        }
        using var ms = new MemoryStream();
        new ImageWriter().WriteJpg(rgb, width, height, ColorComponents.RedGreenBlue, ms, 80);
        return ms.ToArray();
    }

    /// <summary>A signature as the page's canvas makes it: a dark stroke on a transparent background.</summary>
    public static byte[] Signature(int width = 400, int height = 150) => Png(width, height, (x, y) =>
    {
        var curve = (height / 2) + (int)(Math.Sin(x / 18.0) * (height / 4));
        return Math.Abs(y - curve) <= 2 && x > 20 && x < width - 20 ? (byte)0xFF : (byte)0;
    });

    /// <summary>A canvas nobody drew on.</summary>
    public static byte[] BlankSignature(int width = 400, int height = 150) => Png(width, height, (_, _) => 0);

    public static byte[] Png(int width, int height, Func<int, int, byte> inkAlpha)
    {
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 4;
                rgba[i] = 0x10;
                rgba[i + 1] = 0x20;
                rgba[i + 2] = 0x60;
                rgba[i + 3] = inkAlpha(x, y);
            }
        }
        using var ms = new MemoryStream();
        new ImageWriter().WritePng(rgba, width, height, ColorComponents.RedGreenBlueAlpha, ms);
        return ms.ToArray();
    }

    /// <summary>An image's pixels, decoded as RGBA: equal for two PNGs that show the same picture.</summary>
    public static byte[] Pixels(byte[] image) => StbImageSharp.ImageResult.FromMemory(image, StbImageSharp.ColorComponents.RedGreenBlueAlpha).Data;

    /// <summary>An image's width and height, read from the file.</summary>
    public static (int Width, int Height) SizeOf(byte[] image)
    {
        var info = StbImageSharp.ImageInfo.FromStream(new MemoryStream(image)) ?? throw new InvalidDataException("Not an image.");
        return (info.Width, info.Height);
    }

    /// <summary>Bytes that are none of PDF, JPEG or PNG.</summary>
    public static byte[] Text(string text = "this is only a text file, whatever its name says") => Encoding.UTF8.GetBytes(text);

    /// <summary>A PDF of exactly <paramref name="bytes"/> bytes (padding after the end marker, as PDF readers allow).</summary>
    public static byte[] PdfOfSize(long bytes)
    {
        var pdf = Pdf();
        var result = new byte[bytes];
        pdf.CopyTo(result, 0);
        result.AsSpan(pdf.Length).Fill((byte)' ');
        return result;
    }
}
