using System.Globalization;
using System.Security.Cryptography;
using CctvRequests.Api.Staff;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Application.OnlineCopy;
using CctvRequests.Application.Organization;
using CctvRequests.Application.OnlineCopy.AddClip;
using CctvRequests.Application.OnlineCopy.ClipUploadStatus;
using CctvRequests.Application.OnlineCopy.DownloadClip;
using CctvRequests.Application.OnlineCopy.GetOnlineCopy;
using CctvRequests.Application.OnlineCopy.OpenClipDownloads;
using CctvRequests.Application.OnlineCopy.PublishClips;
using CctvRequests.Application.OnlineCopy.RemoveClip;
using CctvRequests.Application.OnlineCopy.ReopenDownloads;
using CctvRequests.Application.OnlineCopy.StartClipUpload;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Common;
using CctvRequests.Infrastructure.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CctvRequests.Api.Endpoints;

/// <summary>
/// The copy delivered online (SPEC decision 16, ADR 0017): officers upload clips (in one body, or resumable in
/// pieces with <c>Content-Range</c>), publish them with an expiry; the applicant opens the downloads with the
/// status token and the identity number again, and downloads each clip (ranges, so a broken download resumes).
/// </summary>
public static class OnlineCopyEndpoints
{
    public static IEndpointRouteBuilder MapOnlineCopy(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(StaffPolicies.Staff).AddEndpointFilter<CsrfFilter>().ValidatesForms();

        staff.MapGet("/requests/{referenceNumber}/clips", async (string referenceNumber, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetOnlineCopyQuery(StaffRequestLoader.Reference(referenceNumber)), ct)))
            .WithName("GetOnlineCopy")
            .WithSummary("The request's online copy: clips, publication, expiry, lock and every download")
            .Produces<StaffOnlineCopyDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        staff.MapPost("/requests/{referenceNumber}/clips", UploadClipAsync)
            .WithName("UploadClip")
            .WithSummary("อัปโหลดไฟล์ภาพ: one clip exported from the NVR, in the multipart field `file` (an approved copy not yet sent)")
            .WithDescription("The type is told from the content (MP4/MOV, AVI, MKV/WebM, WMV, MPEG-TS, Dahua .dav, Hikvision); programs and archives are refused. Scanned by clamd; the SHA-256 is the server's. For large clips on unsteady links use the resumable upload (`StartClipUpload`).")
            .Produces<ClipDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableRequestTimeout();

        staff.MapPost("/requests/{referenceNumber}/clips/uploads", async (string referenceNumber, ClipUploadForm body, ISender sender, CancellationToken ct) =>
            {
                var upload = await sender.Send(body.ToCommand(StaffRequestLoader.Reference(referenceNumber)), ct);
                return TypedResults.Created(upload.Url, upload);
            })
            .WithName("StartClipUpload")
            .WithSummary("Start a resumable upload of one clip: answers where to PUT its pieces and their size")
            .Produces<ClipUploadDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        staff.MapGet("/clip-uploads/{id:guid}", async (Guid id, ISender sender, IClipIntake intake, IOptions<OnlineCopyOptions> options, CancellationToken ct) =>
            {
                var upload = await sender.Send(new GetClipUploadQuery(id), ct);
                return TypedResults.Ok(new ClipUploadDto(upload.Id, $"{ClipUploads.Path}/{upload.Id}", upload.FileName, upload.TotalBytes, intake.Received(id), options.Value.ChunkBytes, null));
            })
            .WithName("GetClipUpload")
            .WithSummary("How much of a resumable upload has arrived (to continue after an interruption)")
            .Produces<ClipUploadDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        staff.MapPut("/clip-uploads/{id:guid}", SendPieceAsync)
            .WithName("SendClipPiece")
            .WithSummary("One piece of a resumable upload, with `Content-Range: bytes start-end/total` (start = the bytes received so far)")
            .WithDescription("Answers 200 with `receivedBytes` while pieces are missing, 201 with the clip once the last piece arrived and the whole clip passed its checks. A piece that does not start where the upload stands is a 409 naming the bytes received.")
            .Produces<ClipUploadDto>()
            .Produces<ClipUploadDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable)
            .DisableRequestTimeout();

        staff.MapDelete("/clip-uploads/{id:guid}", async (Guid id, ISender sender, IClipIntake intake, CancellationToken ct) =>
            {
                await sender.Send(new CancelClipUploadCommand(id), ct);
                intake.Discard(id);
                return TypedResults.NoContent();
            })
            .WithName("CancelClipUpload")
            .WithSummary("Give up a resumable upload; its bytes are discarded")
            .ProducesProblem(StatusCodes.Status404NotFound);

        staff.MapDelete("/requests/{referenceNumber}/clips/{id:guid}", async (string referenceNumber, Guid id, ISender sender, IFileStore files, CancellationToken ct) =>
            {
                var key = await sender.Send(new RemoveClipCommand(StaffRequestLoader.Reference(referenceNumber), id), ct);
                await files.DeleteAsync(key);
                return TypedResults.NoContent();
            })
            .WithName("RemoveClip")
            .WithSummary("Remove a clip uploaded by mistake, before the copy is sent")
            .ProducesProblem(StatusCodes.Status409Conflict);

        staff.MapPost("/requests/{referenceNumber}/clips/publish", async (string referenceNumber, PublishClipsForm? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send((body ?? new PublishClipsForm(null)).ToCommand(StaffRequestLoader.Reference(referenceNumber)), ct)))
            .WithName("PublishClips")
            .WithSummary("Send the uploaded clips to the applicant: downloadable until `expiresOn` (yyyy-MM-dd; the default expiry when left out); the citizen is told")
            .Produces<StaffOnlineCopyDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        staff.MapPost("/requests/{referenceNumber}/clips/reopen", async (string referenceNumber, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ReopenClipDownloadsCommand(StaffRequestLoader.Reference(referenceNumber)), ct)))
            .WithName("ReopenClipDownloads")
            .WithSummary("Open the downloads again after too many wrong identity numbers locked them")
            .Produces<StaffOnlineCopyDto>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        var citizen = app.MapGroup("/api/status").WithTags("Status");
        citizen.MapPost("/clips", OpenDownloadsAsync)
            .AddEndpointFilter(async (invocation, next) =>
            {
                var context = invocation.HttpContext;
                await context.RequestServices.GetRequiredService<IThrottle>().ForClientAsync(ThrottlePolicy.ClipCheck, context.Connection.RemoteIpAddress, context.RequestAborted);
                context.Response.Headers.CacheControl = "no-store";
                return await next(invocation);
            })
            .ValidatesForms()
            .WithName("OpenClipDownloads")
            .WithSummary("ดาวน์โหลดไฟล์ภาพ: the status link's token and the request's national ID (or passport number and country) open a 15-minute download session")
            .WithDescription("Answers the clips with their SHA-256 and address and sets the `__Host-cctv-clips` cookie the downloads need. Wrong numbers: 5 tries per 15 minutes per client and per request (429); 10 wrong in a day lock the downloads until an officer opens them (423). 410 once the download period has ended.")
            .Produces<IReadOnlyList<DownloadableClipDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status423Locked)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        citizen.MapGet("/clips/{id:guid}", DownloadAsync)
            .WithName("DownloadClip")
            .WithSummary("One clip, as an attachment, with the download session's cookie; `Range: bytes=N-` resumes a broken download")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status206PartialContent, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable)
            .DisableRequestTimeout();
        return app;
    }

    private static async Task<IResult> UploadClipAsync(
        string referenceNumber, HttpContext context, IClipIntake intake, IFileStore files, ISender sender, IOptions<OnlineCopyOptions> options, CancellationToken ct)
    {
        var reference = StaffRequestLoader.Reference(referenceNumber);
        var max = options.Value.MaxClipBytes;
        AllowBody(context, max + 1024 * 1024);
        var section = await FileSectionAsync(context.Request, ct);
        var staged = await intake.ReceiveAsync(section.Body, section.FileName, max, ct);
        try
        {
            var clip = await sender.Send(new AddClipCommand(reference, staged), ct);
            return TypedResults.Created($"/api/staff/requests/{reference.Value}/clips/{clip.Id}", clip);
        }
        finally
        {
            await files.DeleteStagedAsync(staged);
        }
    }

    private static async Task<IResult> SendPieceAsync(
        Guid id, HttpContext context, IClipIntake intake, IFileStore files, ISender sender, IOptions<OnlineCopyOptions> options, CancellationToken ct)
    {
        var upload = await sender.Send(new GetClipUploadQuery(id), ct);
        var chunk = options.Value.ChunkBytes;
        if (!ContentRangeHeaderValue.TryParse(context.Request.Headers.ContentRange.ToString(), out var range) || range is not { From: { } from, To: { } to, Length: { } total }
            || total != upload.TotalBytes || to < from || to >= total || to - from + 1 > 2L * chunk)
        {
            throw new RangeNotSatisfiableException(new Text(
                $"กรุณาส่ง Content-Range: bytes เริ่ม-สิ้นสุด/{upload.TotalBytes} ส่วนละไม่เกิน {Sizes.Describe(2L * chunk)}",
                $"Send Content-Range: bytes start-end/{upload.TotalBytes}, each piece at most {Sizes.Describe(2L * chunk)}."), upload.TotalBytes);
        }
        AllowBody(context, to - from + 1);
        var received = await intake.AppendAsync(id, from, context.Request.Body, to - from + 1, ct);
        if (received < upload.TotalBytes)
        {
            return TypedResults.Ok(new ClipUploadDto(id, $"{ClipUploads.Path}/{id}", upload.FileName, upload.TotalBytes, received, chunk, null));
        }
        var staged = await intake.CompleteAsync(id, upload.FileName, ct);
        try
        {
            var clip = await sender.Send(new AddClipCommand(upload.Reference, staged, id), ct);
            return TypedResults.Created($"/api/staff/requests/{upload.Reference.Value}/clips/{clip.Id}",
                new ClipUploadDto(id, $"{ClipUploads.Path}/{id}", upload.FileName, upload.TotalBytes, received, chunk, clip));
        }
        finally
        {
            // Promoted: the staged file was moved away; refused: its bytes go (the officer starts that file again).
            intake.Discard(id);
        }
    }

    private static async Task<IResult> OpenDownloadsAsync(ClipDownloadsForm body, HttpContext context, ISender sender, OrganizationContact contact,
        ClipSessions sessions, CancellationToken ct)
    {
        var result = await sender.Send(body.ToCommand(), ct);
        var field = string.IsNullOrWhiteSpace(body.NationalId) ? "passportNumber" : "nationalId";
        switch (result.Outcome)
        {
            case ClipAccessOutcome.Granted:
                sessions.Open(context, result.RequestId);
                return TypedResults.Ok(result.Clips);
            case ClipAccessOutcome.WrongNumber:
                throw ValidationMessages.Invalid(field, new Text(
                    "เลขที่กรอกไม่ตรงกับเลขที่ใช้ยื่นคำร้องนี้ กรุณาตรวจสอบแล้วลองใหม่", "This number is not the one the request was filed with; please check it and try again."));
            case ClipAccessOutcome.Locked:
                throw new LockedException(await contact.AppendAsync(new Text(
                    "การดาวน์โหลดของคำร้องนี้ถูกระงับ เพราะกรอกเลขไม่ถูกต้องหลายครั้ง กรุณาติดต่อหน่วยงานเพื่อเปิดให้ดาวน์โหลดอีกครั้ง",
                    "Downloads for this request are locked after too many wrong numbers. Please contact the office to open them again."), ct));
            case ClipAccessOutcome.Ended:
                throw new GoneException(await contact.AppendAsync(new Text(
                    "หมดระยะเวลาดาวน์โหลดไฟล์ภาพของคำร้องนี้แล้ว หากยังต้องการ กรุณาติดต่อหน่วยงาน", "The period to download this request's clips has ended. If you still need them, please contact the office."), ct));
            default:
                throw new NotFoundException(new Text("คำร้องนี้ยังไม่มีไฟล์ภาพให้ดาวน์โหลด", "This request has no clips to download yet."));
        }
    }

    private static async Task DownloadAsync(Guid id, HttpContext context, ISender sender, IFileStore files, ClipSessions sessions, CancellationToken ct)
    {
        var requestId = sessions.RequestOf(context) ?? throw new SessionNeededException(ClipSessions.Needed);
        var clip = await sender.Send(new GetClipForDownloadQuery(requestId, id), ct);
        var (start, length) = RangeOf(context.Request, clip.SizeBytes);
        var response = context.Response;
        var headers = response.Headers;
        headers.AcceptRanges = "bytes";
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox";
        headers.ETag = $"\"{clip.Sha256}\"";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(clip.FileName);
        headers.ContentDisposition = disposition.ToString();
        response.ContentType = "application/octet-stream";
        response.ContentLength = length;
        if (start > 0 || length < clip.SizeBytes)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            headers.ContentRange = new ContentRangeHeaderValue(start, start + length - 1, clip.SizeBytes).ToString();
        }
        long sent = 0;
        try
        {
            await using var source = await files.OpenReadAsync(clip.StorageKey, start, ct);
            var buffer = new byte[81920];
            while (sent < length)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - sent)), ct);
                if (read == 0)
                {
                    break;
                }
                await response.Body.WriteAsync(buffer.AsMemory(0, read), ct);
                sent += read;
            }
        }
        finally
        {
            // Every download, whole or broken off, is in the hand-over record and the audit log.
            await sender.Send(new RecordClipDownloadCommand(requestId, id, sent, start > 0 ? start : null,
                SlidingWindowThrottle.ClientKey(context.Connection.RemoteIpAddress)), CancellationToken.None);
        }
    }

    /// <summary>One range (<c>bytes=N-</c> or <c>bytes=N-M</c>), or the whole file; several ranges are answered whole.</summary>
    private static (long Start, long Length) RangeOf(HttpRequest request, long size)
    {
        if (!RangeHeaderValue.TryParse(request.Headers.Range.ToString(), out var header) || header.Unit != "bytes" || header.Ranges.Count != 1)
        {
            return (0, size);
        }
        var range = header.Ranges.First();
        long start, end;
        if (range.From is { } from)
        {
            start = from;
            end = range.To is { } to ? Math.Min(to, size - 1) : size - 1;
        }
        else if (range.To is { } suffix)
        {
            start = Math.Max(0, size - suffix);
            end = size - 1;
        }
        else
        {
            return (0, size);
        }
        return start >= size || end < start
            ? throw new RangeNotSatisfiableException(new Text("ตำแหน่งที่ขอเกินขนาดไฟล์", "The range asked for is past the end of the file."), size)
            : (start, end - start + 1);
    }

    private static void AllowBody(HttpContext context, long bytes)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = bytes;
        }
    }

    /// <summary>The multipart body's part named <c>file</c>; any other part before it is skipped (none is read into memory).</summary>
    private static async Task<(Stream Body, string? FileName)> FileSectionAsync(HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw new UnsupportedFileTypeException("file", new Text("กรุณาส่งไฟล์แบบ multipart/form-data ในช่อง file", "Send the clip as multipart/form-data, in the field file."));
        }
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && HeaderUtilities.RemoveQuotes(disposition.Name).Value == "file")
            {
                var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                return (section.Body, name);
            }
        }
        throw ValidationMessages.Invalid("file", new Text("กรุณาเลือกไฟล์ภาพ", "Choose a clip to upload."));
    }
}

/// <summary>
/// The applicant's download session: a <c>__Host-</c> cookie (HttpOnly, Secure, SameSite=Strict), never the URL,
/// holding the request's id and its end, protected by Data Protection (every node reads it).
/// </summary>
public sealed class ClipSessions(IDataProtectionProvider protection, IOptions<OnlineCopyOptions> options, TimeProvider clock)
{
    public const string CookieName = "__Host-cctv-clips";

    /// <summary>Downloads need the session a correct identity number opened (401 otherwise).</summary>
    public static readonly Text Needed = new(
        "กรุณากรอกเลขบัตรประชาชนหรือเลขหนังสือเดินทางที่หน้าสถานะคำร้องอีกครั้ง แล้วดาวน์โหลดใหม่",
        "Type the ID or passport number on the status page again, then download.");
    private readonly IDataProtector _protector = protection.CreateProtector("CctvRequests.OnlineCopy.Session.v1");

    public void Open(HttpContext context, Guid requestId)
    {
        var lifetime = TimeSpan.FromMinutes(options.Value.SessionMinutes);
        var until = clock.GetUtcNow() + lifetime;
        context.Response.Cookies.Append(CookieName, _protector.Protect($"{requestId:N}|{until.ToUnixTimeSeconds()}"), new CookieOptions
        {
            HttpOnly = true, Secure = true, SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict, Path = "/", MaxAge = lifetime, IsEssential = true,
        });
    }

    public Guid? RequestOf(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 and < 1000 } value)
        {
            return null;
        }
        try
        {
            var parts = _protector.Unprotect(value).Split('|');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id)
                   && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var until) && clock.GetUtcNow().ToUnixTimeSeconds() < until
                ? id
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
