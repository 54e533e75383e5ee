using System.Text;
using System.Text.RegularExpressions;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Application.Requests.Submit;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CctvRequests.Api.Endpoints;

/// <summary>
/// Reads the citizen's multipart form section by section, streaming each file into the file
/// store's temporary area as it arrives (never the whole upload in memory), checking type and
/// size on the way. Every staged file is added to <c>staged</c> at once, so the caller can clean
/// up whatever happens.
/// </summary>
public static partial class SubmissionFormReader
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static async Task<SubmitRequestCommand> ReadAsync(
        HttpRequest request, IFileStore store, IImageInspector images, List<StagedFile> staged, CancellationToken cancellationToken)
    {
        var idempotencyKey = IdempotencyKey(request);
        var boundary = Boundary(request);
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var singles = new Dictionary<string, StagedFile>(StringComparer.Ordinal);
        var others = new List<StagedFile>();
        long total = 0;

        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data")
                || string.IsNullOrEmpty(disposition.Name.Value))
            {
                continue;
            }
            var name = disposition.Name.Value!;
            var fileName = disposition.FileName.HasValue ? disposition.FileName.Value : disposition.FileNameStar.Value;

            if (fileName is null && !SubmissionFields.Files.Contains(name))
            {
                var value = await ReadFieldAsync(name, section.Body, cancellationToken);
                fields.TryAdd(name, value);
                continue;
            }
            if (!SubmissionFields.Files.Contains(name))
            {
                throw Invalid(name, "ไม่รู้จักช่องไฟล์นี้", "This file field is not part of the form.");
            }
            if (name != SubmissionFields.OtherDocuments && singles.ContainsKey(name))
            {
                throw Invalid(name, "แนบไฟล์ในช่องนี้ได้เพียงไฟล์เดียว", "Only one file can be attached here.");
            }
            if (name == SubmissionFields.OtherDocuments && others.Count >= Domain.Requests.RequestLimits.OtherDocumentsMax)
            {
                throw Invalid(name, "แนบเอกสารอื่นๆ ได้ไม่เกิน 5 ไฟล์", "At most 5 other documents can be attached.");
            }

            var perFile = name == SubmissionFields.Signature ? UploadLimits.MaxSignatureBytes : UploadLimits.MaxFileBytes;
            var remaining = UploadLimits.MaxTotalBytes - total;
            StagedFile file;
            try
            {
                file = await store.StageAsync(name, fileName, section.Body, Math.Min(perFile, remaining), cancellationToken);
            }
            catch (FileTooLargeException) when (remaining < perFile)
            {
                throw new FileTooLargeException(name, "The attachments together exceed 30 MB.", "ไฟล์แนบทั้งหมดรวมกันต้องไม่เกิน 30 MB");
            }
            if (file.SizeBytes == 0)
            {
                // A browser sends an empty, nameless part for a file input left empty: that is "no file".
                if (string.IsNullOrEmpty(fileName))
                {
                    continue;
                }
                throw Invalid(name, "ไฟล์ว่างเปล่า กรุณาเลือกไฟล์ใหม่", "The file is empty; please choose another.");
            }
            staged.Add(file);
            total += file.SizeBytes;

            if (name == SubmissionFields.Signature)
            {
                if (file.ContentType != FileTypes.Png)
                {
                    throw new UnsupportedFileTypeException(name, "The signature must be a PNG image.", "ลายมือชื่อต้องเป็นไฟล์ภาพ PNG");
                }
                file = file with { Image = images.InspectPng(file.TempPath, UploadLimits.MaxSignatureWidth, UploadLimits.MaxSignatureHeight) };
            }
            if (name == SubmissionFields.OtherDocuments)
            {
                others.Add(file);
            }
            else
            {
                singles[name] = file;
            }
        }

        return new SubmitRequestCommand
        {
            WrittenOn = fields.GetValueOrDefault("writtenOn"),
            Title = fields.GetValueOrDefault("title"),
            FirstName = fields.GetValueOrDefault("firstName"),
            LastName = fields.GetValueOrDefault("lastName"),
            NationalId = fields.GetValueOrDefault("nationalId"),
            Age = fields.GetValueOrDefault("age"),
            Ethnicity = fields.GetValueOrDefault("ethnicity"),
            Nationality = fields.GetValueOrDefault("nationality"),
            Address = fields.GetValueOrDefault("address"),
            Phone = fields.GetValueOrDefault("phone"),
            Purpose = fields.GetValueOrDefault("purpose"),
            FileCount = fields.GetValueOrDefault("fileCount"),
            StationId = fields.GetValueOrDefault("stationId"),
            IncidentDate = fields.GetValueOrDefault("incidentDate"),
            IncidentTime = fields.GetValueOrDefault("incidentTime"),
            Reason = fields.GetValueOrDefault("reason"),
            PrivacyAccepted = fields.GetValueOrDefault("privacyAccepted"),
            PrivacyNoticeVersion = fields.GetValueOrDefault("privacyNoticeVersion"),
            IdCardCopy = singles.GetValueOrDefault(SubmissionFields.IdCardCopy),
            PoliceReport = singles.GetValueOrDefault(SubmissionFields.PoliceReport),
            Signature = singles.GetValueOrDefault(SubmissionFields.Signature),
            OtherDocuments = others,
            IdempotencyKey = idempotencyKey,
        };
    }

    private static string Boundary(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnsupportedFileTypeException("body", "Send the form as multipart/form-data.", "กรุณาส่งแบบฟอร์มเป็น multipart/form-data");
        }
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200)
        {
            throw Invalid("body", "รูปแบบข้อมูลแบบฟอร์มไม่ถูกต้อง", "The multipart boundary is missing or too long.");
        }
        return boundary;
    }

    private static string? IdempotencyKey(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(IdempotencyHeader, out var values))
        {
            return null;
        }
        var key = values.ToString().Trim();
        if (!KeyPattern().IsMatch(key))
        {
            throw Invalid(IdempotencyHeader, "Idempotency-Key ต้องยาว 8-100 ตัวอักษร (A-Z, a-z, 0-9, - _ . :)",
                "Idempotency-Key must be 8-100 characters of A-Z, a-z, 0-9, - _ . :");
        }
        return key;
    }

    private static async Task<string> ReadFieldAsync(string name, Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var buffer = new char[UploadLimits.MaxFieldChars + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (read > UploadLimits.MaxFieldChars)
        {
            throw Invalid(name, "ข้อความในช่องนี้ยาวเกินไป", "This field is too long.");
        }
        return new string(buffer, 0, read);
    }

    private static ValidationException Invalid(string field, string thai, string english) =>
        new([new ValidationFailure(field, Lang.Pick(thai, english))]);

    [GeneratedRegex("^[A-Za-z0-9_.:-]{8,100}$")]
    private static partial Regex KeyPattern();
}
