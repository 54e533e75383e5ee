using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Files;
using CctvRequests.Application.Requests.Submit;
using Mediator;
using Microsoft.AspNetCore.Http.Features;

namespace CctvRequests.Api.Endpoints;

public static class RequestEndpoints
{
    public static IEndpointRouteBuilder MapRequests(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/requests").WithTags("Requests");

        group.MapPost("/", SubmitAsync)
            .WithName("SubmitRequest")
            .WithSummary("File a request to view or copy CCTV footage")
            .WithDescription("""
                The citizen's form as `multipart/form-data`. Text fields: `writtenOn` and `incidentDate` (yyyy-MM-dd, CE),
                `incidentTime` (HH:mm), `title`, `firstName`, `lastName`, `nationalId`, `age`, `ethnicity` (optional),
                `nationality`, `address`, `phone`, `purpose` (`View` or `Copy`), `fileCount` (1-50, for `Copy`), `stationId`,
                `reason`, `privacyAccepted` (`true`), `privacyNoticeVersion`. Files: `idCardCopy`, `policeReport`,
                `otherDocuments` (0-5), `signature` (PNG). Files are checked by content: PDF, JPEG or PNG, at most 10 MB each and
                30 MB together. Send an `Idempotency-Key` header to make retries safe: the same key within 24 hours returns the
                first answer (with the header `Idempotent-Replayed: true`) and creates nothing new.
                """)
            .Accepts<SubmitRequestForm>("multipart/form-data")
            .Produces<SubmitRequestResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, ISender sender, IFileStore store, IImageInspector images, CancellationToken ct)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = UploadLimits.MaxRequestBytes;
        }

        var staged = new List<StagedFile>();
        try
        {
            var command = await SubmissionFormReader.ReadAsync(context.Request, store, images, staged, ct);
            var result = await sender.Send(command, ct);
            if (result.Replayed)
            {
                context.Response.Headers["Idempotent-Replayed"] = "true";
            }
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Created((string?)null, result);
        }
        finally
        {
            // Promoted files have moved away; whatever is still staged was not used.
            foreach (var file in staged)
            {
                await store.DeleteStagedAsync(file);
            }
        }
    }
}

/// <summary>The multipart form, for the OpenAPI document (the endpoint streams the body itself).</summary>
public sealed class SubmitRequestForm
{
    /// <example>2026-02-16</example>
    public required string WrittenOn { get; init; }
    /// <example>นาย</example>
    public required string Title { get; init; }
    /// <example>สมศักดิ์</example>
    public required string FirstName { get; init; }
    /// <example>ใจดี</example>
    public required string LastName { get; init; }
    /// <example>1112034563562</example>
    public required string NationalId { get; init; }
    /// <example>35</example>
    public required int Age { get; init; }
    /// <example>ไทย</example>
    public string? Ethnicity { get; init; }
    /// <example>ไทย</example>
    public required string Nationality { get; init; }
    /// <example>99 หมู่ 1 ต.ศาลา อ.เกาะคา จ.ลำปาง 52130</example>
    public required string Address { get; init; }
    /// <example>081-234-5678</example>
    public required string Phone { get; init; }
    /// <summary><c>View</c> (ขอดูข้อมูลภาพ) or <c>Copy</c> (ขอสำเนาข้อมูลภาพ).</summary>
    /// <example>Copy</example>
    public required string Purpose { get; init; }
    /// <summary>Required for <c>Copy</c>: 1-50.</summary>
    /// <example>2</example>
    public int? FileCount { get; init; }
    /// <example>3</example>
    public required int StationId { get; init; }
    /// <example>2026-02-14</example>
    public required string IncidentDate { get; init; }
    /// <example>14:30</example>
    public required string IncidentTime { get; init; }
    /// <example>ต้องการขอข้อมูลภาพเหตุการณ์เพื่อค้นหากระเป๋าสตางค์ที่สูญหาย</example>
    public required string Reason { get; init; }
    /// <example>true</example>
    public required bool PrivacyAccepted { get; init; }
    /// <example>2569-1</example>
    public required string PrivacyNoticeVersion { get; init; }
    /// <summary>สำเนาบัตรประชาชน: PDF, JPEG or PNG, at most 10 MB.</summary>
    public required IFormFile IdCardCopy { get; init; }
    /// <summary>สำเนาบันทึกแจ้งความ: PDF, JPEG or PNG, at most 10 MB; required unless the organization turned it off.</summary>
    public IFormFile? PoliceReport { get; init; }
    /// <summary>เอกสารอื่นๆ: up to 5 files.</summary>
    public IFormFileCollection? OtherDocuments { get; init; }
    /// <summary>ลายมือชื่อ: PNG, at most 1 MB and 2000 × 1000 pixels, not blank.</summary>
    public required IFormFile Signature { get; init; }
}
