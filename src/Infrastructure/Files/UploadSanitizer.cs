using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Application.Requests.Submit;
using CctvRequests.Domain.Common;
using StbImageSharp;
using StbImageWriteSharp;

namespace CctvRequests.Infrastructure.Files;

public sealed class UploadSanitizer(IFileStore store) : IUploadSanitizer
{
    /// <summary>Larger photos are refused (6000 × 4000 fits): 24 megapixels decode to 72 MB, and only as many decode at once as there are cores.</summary>
    public const long MaxPixels = 24_000_000;
    public const int JpegQuality = 90;

    // Checking and decoding are CPU and memory bound: no more at once than there are cores.
    private static readonly SemaphoreSlim Decoders = new(Environment.ProcessorCount);

    public static readonly Text ImageUnreadable = new(
        $"ไฟล์ภาพ {UploadTexts.NamePlaceholder} เปิดไม่ได้ เสียหาย หรือมีขนาดเกิน {MaxPixels / 1_000_000} ล้านพิกเซล กรุณาถ่ายหรือบันทึกภาพใหม่",
        $"The image {UploadTexts.NamePlaceholder} cannot be read, is damaged, or is larger than {MaxPixels / 1_000_000} megapixels; please take or save it again.");

    public static readonly Text PdfActive = new(
        $"ไฟล์ PDF {UploadTexts.NamePlaceholder} มีสคริปต์ ไฟล์ฝัง หรือแบบฟอร์มที่รับไม่ได้ กรุณาพิมพ์เป็น PDF ใหม่หรือส่งเป็นภาพถ่าย",
        $"The PDF {UploadTexts.NamePlaceholder} contains scripts, embedded files or forms, which cannot be accepted; print it to PDF again or send a photo.");

    public static readonly Text PdfDamaged = new(
        $"ไฟล์ PDF {UploadTexts.NamePlaceholder} เสียหายหรือไม่ครบ กรุณาเลือกไฟล์ใหม่", $"The PDF {UploadTexts.NamePlaceholder} is damaged or incomplete; please choose it again.");

    public async Task<StagedFile> SanitizeAsync(StagedFile file, CancellationToken cancellationToken)
    {
        await Decoders.WaitAsync(cancellationToken);
        try
        {
            if (file.ContentType == FileTypes.Pdf)
            {
                var verdict = await CheckPdfAsync(file.TempPath, cancellationToken);
                return verdict == PdfGuard.Verdict.Clean ? file : throw Refused(file, verdict == PdfGuard.Verdict.Damaged ? PdfDamaged : PdfActive);
            }
            var (bytes, facts) = ReEncode(file) ?? throw Refused(file, ImageUnreadable);
            var clean = await store.StageAsync(file.Field, file.FileName, new MemoryStream(bytes, writable: false), UploadLimits.MaxFileBytes * 2, cancellationToken);
            await store.DeleteStagedAsync(file);
            return clean with { Image = facts };
        }
        finally
        {
            Decoders.Release();
        }
    }

    /// <summary>
    /// The whole PDF is read into one of a few reused buffers (never more than there are cores, as
    /// for images): fifty 10 MB uploads at once no longer allocate 500 MB of arrays for the GC.
    /// </summary>
    private static async Task<PdfGuard.Verdict> CheckPdfAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous);
        var length = checked((int)stream.Length);
        var buffer = PdfBuffers.Rent(length);
        try
        {
            await stream.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken);
            return PdfGuard.Check(new ArraySegment<byte>(buffer, 0, length));
        }
        finally
        {
            PdfBuffers.Return(buffer);
        }
    }

    private static readonly System.Buffers.ArrayPool<byte> PdfBuffers =
        System.Buffers.ArrayPool<byte>.Create((int)UploadLimits.MaxFileBytes, Environment.ProcessorCount);

    private static (byte[] Bytes, ImageFacts Facts)? ReEncode(StagedFile file)
    {
        try
        {
            var original = File.ReadAllBytes(file.TempPath);
            using var output = new MemoryStream();
            var writer = new ImageWriter();
            if (file.ContentType == FileTypes.Png)
            {
                if (EncodePng(original, MaxPixels) is not { } png)
                {
                    return null;
                }
                var blank = file.Field == SubmissionFields.Signature.Name && PngInspector.IsBlank(png.Pixels);
                return (png.Bytes, new ImageFacts(png.Width, png.Height, blank));
            }
            // The decoder sees only a JPEG whose markers walk cleanly, and only up to its end marker.
            if (JpegGuard.Check(original, MaxPixels) is not { } facts)
            {
                return null;
            }
            var jpeg = ImageResult.FromMemory(original[..facts.Length], StbImageSharp.ColorComponents.RedGreenBlue);
            var (pixels, width, height) = ExifOrientation.Apply(ExifOrientation.Read(original), jpeg.Data, jpeg.Width, jpeg.Height);
            writer.WriteJpg(pixels, width, height, StbImageWriteSharp.ColorComponents.RedGreenBlue, output, JpegQuality);
            return (output.ToArray(), new ImageFacts(width, height, IsBlank: false));
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    public byte[]? ReEncodePng(byte[] png, long maxPixels)
    {
        Decoders.Wait();
        try
        {
            return EncodePng(png, maxPixels)?.Bytes;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
        finally
        {
            Decoders.Release();
        }
    }

    /// <summary>The one PNG path: the guard walks it, then it is decoded and written again from its pixels alone.</summary>
    private static (byte[] Bytes, byte[] Pixels, int Width, int Height)? EncodePng(byte[] original, long maxPixels)
    {
        if (PngGuard.Check(new MemoryStream(original, writable: false), maxPixels) is null)
        {
            return null;
        }
        var png = ImageResult.FromMemory(original, StbImageSharp.ColorComponents.RedGreenBlueAlpha);
        using var output = new MemoryStream();
        new ImageWriter().WritePng(png.Data, png.Width, png.Height, StbImageWriteSharp.ColorComponents.RedGreenBlueAlpha, output);
        return (output.ToArray(), png.Data, png.Width, png.Height);
    }

    private static UnsupportedFileTypeException Refused(StagedFile file, Text message) =>
        new(file.Field, UploadTexts.Named(message, string.IsNullOrEmpty(file.FileName) ? file.Field : file.FileName));
}
