using System.Text;
using System.Text.RegularExpressions;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Application.Requests.Submit;
using CctvRequests.Domain.Common;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using static CctvRequests.Application.Common.ValidationMessages;

namespace CctvRequests.Api.Endpoints;

/// <summary>
/// Reads the citizen's multipart form section by section, as the fields table describes it:
/// text into values, files streamed into the store's staging area as they arrive (never the
/// whole upload in memory), type and size checked on the way. Unknown or repeated fields are
/// refused. Each file is then scanned (clamd, when configured) and made safe (images re-encoded,
/// PDFs checked) before the next part is read. Whatever is staged belongs to the returned
/// <see cref="StagedUpload"/> at once, so a refusal anywhere deletes it all.
/// </summary>
public sealed partial class SubmissionFormReader(IFileStore store, IImageInspector images, IUploadSanitizer sanitizer, IVirusScanner scanner)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false);

    public const string IdempotencyHeader = "Idempotency-Key";

    public async Task<StagedUpload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var upload = new StagedUpload(store, IdempotencyKey(request));
        try
        {
            var reader = new MultipartReader(Boundary(request), request.Body) { HeadersLengthLimit = 16 * 1024 };
            var sections = 0;
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (++sections > UploadLimits.MaxSections)
                {
                    throw Invalid("body", TooManyParts);
                }
                var (field, fileName) = Describe(section);
                if (field.IsFile)
                {
                    await StageAsync(upload, field, fileName, section.Body, cancellationToken);
                }
                else
                {
                    upload.SetValue(field, await ReadTextAsync(field, section.Body, cancellationToken));
                }
            }
            return upload;
        }
        catch (Exception e) when (e is IOException and not BadHttpRequestException || e is InvalidDataException)
        {
            // The body ended before its closing boundary, or a part broke the multipart rules:
            // the request is malformed (a client that went away gets this answer too, unread).
            await upload.DisposeAsync();
            throw Invalid("body", Malformed);
        }
        catch
        {
            await upload.DisposeAsync();
            throw;
        }
    }

    private async Task StageAsync(StagedUpload upload, FormField field, string? fileName, Stream body, CancellationToken cancellationToken)
    {
        if (upload.CountOf(field) >= field.MaxCount)
        {
            throw Invalid(field.Name, field.TooManyFiles);
        }
        var remaining = UploadLimits.MaxTotalBytes - upload.TotalBytes;
        StagedFile file;
        try
        {
            file = await store.StageAsync(field.Name, fileName, body, Math.Min(field.MaxBytes, remaining), cancellationToken);
        }
        catch (FileTooLargeException) when (remaining < field.MaxBytes)
        {
            throw new FileTooLargeException(field.Name, UploadTexts.TotalTooLarge);
        }
        // A browser sends an empty, nameless part for a file input left empty: that is "no file".
        if (file.SizeBytes == 0 && !string.IsNullOrEmpty(fileName))
        {
            throw Invalid(field.Name, UploadTexts.Empty);
        }
        if (file.SizeBytes == 0)
        {
            return;
        }
        upload.Add(file);
        if (await scanner.ScanAsync(file.TempPath, cancellationToken) is not null)
        {
            throw new InfectedFileException(field.Name, UploadTexts.Named(UploadTexts.Infected, string.IsNullOrEmpty(fileName) ? field.Name : file.FileName));
        }
        if (field == SubmissionFields.Signature)
        {
            var inspected = InspectSignature(file);
            upload.Replace(file, inspected);
            if (inspected.Image is not { } facts || facts.Width > UploadLimits.MaxSignatureWidth || facts.Height > UploadLimits.MaxSignatureHeight)
            {
                return; // the validator refuses it; nothing of it is decoded
            }
            file = inspected;
        }
        var clean = await sanitizer.SanitizeAsync(file, cancellationToken);
        upload.Replace(file, clean with { Image = file.Image ?? clean.Image });
    }

    private StagedFile InspectSignature(StagedFile file) => file.ContentType == FileTypes.Png
        ? file with { Image = images.InspectPng(file.TempPath, UploadLimits.MaxSignatureWidth, UploadLimits.MaxSignatureHeight) }
        : throw new UnsupportedFileTypeException(file.Field, UploadTexts.SignatureNotPng);

    private static (FormField Field, string? FileName) Describe(MultipartSection section)
    {
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            || !disposition.DispositionType.Equals("form-data") || string.IsNullOrEmpty(disposition.Name.Value))
        {
            throw Invalid("body", Malformed);
        }
        var name = disposition.Name.Value!;
        var field = SubmissionFields.Find(name) ?? throw Invalid(name[..Math.Min(name.Length, 50)], UnknownField);
        return (field, disposition.FileName.HasValue ? disposition.FileName.Value : disposition.FileNameStar.Value);
    }

    private static async Task<string> ReadTextAsync(FormField field, Stream body, CancellationToken cancellationToken)
    {
        // UTF-8 without a preamble: with Encoding.UTF8 the reader drops a leading U+FEFF whatever it is told, and a field
        // that starts with one would pass the invisible-character rule (the hostile-input test found "\uFEFFไทย" accepted).
        using var reader = new StreamReader(body, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var buffer = new char[UploadLimits.MaxFieldChars + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return read <= UploadLimits.MaxFieldChars ? new string(buffer, 0, read) : throw Invalid(field.Name, field.TooLong);
    }

    private static string Boundary(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnsupportedFileTypeException("body", new Text("กรุณาส่งแบบฟอร์มเป็น multipart/form-data", "Send the form as multipart/form-data."));
        }
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200 ? throw Invalid("body", Malformed) : boundary;
    }

    private static string? IdempotencyKey(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(IdempotencyHeader, out var values))
        {
            return null;
        }
        var key = values.ToString().Trim();
        return KeyPattern().IsMatch(key) ? key : throw Invalid(IdempotencyHeader, BadKey);
    }

    private static readonly Text Malformed = new("รูปแบบข้อมูลแบบฟอร์มไม่ถูกต้อง", "The multipart form is malformed.");
    private static readonly Text UnknownField = new("ช่องนี้ไม่มีในแบบฟอร์ม", "This field is not part of the form.");
    private static readonly Text TooManyParts = new("แบบฟอร์มมีส่วนประกอบมากเกินไป", $"The form has more than {UploadLimits.MaxSections} parts.");
    private static readonly Text BadKey = new(
        "Idempotency-Key ต้องยาว 8-100 ตัวอักษร (A-Z, a-z, 0-9, - _ . :)", "Idempotency-Key must be 8-100 characters of A-Z, a-z, 0-9, - _ . :");

    [GeneratedRegex("^[A-Za-z0-9_.:-]{8,100}$")]
    private static partial Regex KeyPattern();
}
