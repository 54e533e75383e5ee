using CctvRequests.Api.Exports;
using CctvRequests.Api.Hosting;
using CctvRequests.Api.Staff;
using CctvRequests.Application.Common;
using CctvRequests.Application.Staff.GetRequest;
using CctvRequests.Application.Staff.GetHandOverSignature;
using CctvRequests.Application.Staff.RecordHandOver;
using CctvRequests.Application.Staff.ListRequests;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Application.Staff.Statistics;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mediator;

namespace CctvRequests.Api.Endpoints;

/// <summary>Paper and numbers: hand-over records, statistics without personal data, and the exports.</summary>
public static class StaffPaperEndpoints
{
    public static IEndpointRouteBuilder MapStaffPaper(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(StaffPolicies.Staff).AddEndpointFilter<CsrfFilter>().ValidatesForms();

        staff.MapPost("/requests/{referenceNumber}/handover", async (string referenceNumber, HandOverForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Created((string?)null, await sender.Send(body.ToCommand(StaffRequestLoader.Reference(referenceNumber)), ct)))
            .WithName("RecordHandOver")
            .WithSummary("Record that an approved copy was handed over: clips (name, size, SHA-256 computed in the browser), medium, recipient and signature")
            .Produces<StaffHandOverDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxHandOverBytes));

        staff.MapGet("/requests/{referenceNumber}/handovers/{id:guid}/signature", async (string referenceNumber, Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var png = await sender.Send(new GetHandOverSignatureQuery(StaffRequestLoader.Reference(referenceNumber), id), ct);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.ContentSecurityPolicy = "sandbox";
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(png, "image/png");
            })
            .WithName("GetHandOverSignature")
            .WithSummary("The recipient's signature of a hand-over (audited)")
            .WithRequestTimeout(Hardening.DownloadPolicy);

        var readable = app.MapGroup("/api/staff").WithTags("Staff").AddEndpointFilter<CsrfFilter>().ValidatesForms();
        readable.MapGet("/statistics", async ([AsParameters] StatisticsForm range, ISender sender, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(range.ToQuery(BangkokTime.Today(clock)), ct)))
            .RequireAuthorization(Integrations.StaffOrClient.Policy(Application.Integrations.ApiScopes.StatisticsRead))
            .AddEndpointFilter(new Integrations.ClientCallAudit(Application.Audit.AuditAction.ViewStatistics))
            .WithName("GetStatistics")
            .WithSummary("Counts by status, station, month and purpose; decision time (median, 90th percentile); cancellations by reason; decisions after the footage was overwritten")
            .WithDescription("No personal data. `from`/`to` are submission dates (yyyy-MM-dd, Bangkok); the default is the last 12 months.")
            .Produces<StatisticsDto>()
            .ProducesValidationProblem();

        staff.MapGet("/statistics.{format:regex(^(csv|xlsx)$)}", async (string format, [AsParameters] StatisticsForm range,
                ISender sender, TimeProvider clock, Application.Audit.AuditTrail audit, Application.Abstractions.IAppDbContext db, CancellationToken ct) =>
            {
                var statistics = await sender.Send(range.ToQuery(BangkokTime.Today(clock)), ct);
                audit.Record(Application.Audit.AuditAction.ExportStatistics, details: $"{format} {statistics.From:yyyy-MM-dd} to {statistics.To:yyyy-MM-dd}");
                await db.SaveChangesAsync(ct);
                var rows = ExportRows.Of(statistics);
                var name = $"cctv-statistics-{statistics.From:yyyyMMdd}-{statistics.To:yyyyMMdd}.{format}";
                return format == "csv"
                    ? Spreadsheets.Download(Spreadsheets.Csv(rows), Spreadsheets.CsvType, name)
                    : Spreadsheets.Download(await Spreadsheets.XlsxAsync(rows, ct), Spreadsheets.XlsxType, name);
            })
            .WithName("ExportStatistics")
            .WithSummary("The statistics as CSV (UTF-8 with BOM) or XLSX (audited)")
            .WithRequestTimeout(Hardening.DownloadPolicy);

        staff.MapGet("/requests.{format:regex(^(csv|xlsx)$)}", async (string format, [AsParameters] StaffQueueForm filters,
                ISender sender, TimeProvider clock, CancellationToken ct) =>
            {
                var query = filters.ToQuery() with { Page = 1, PageSize = ListStaffRequestsQuery.MaxExportRows, Export = true };
                var rows = (await sender.Send(query, ct)).Items.Select(ExportRows.Of).ToList();
                var name = $"cctv-requests-{BangkokTime.Today(clock):yyyyMMdd}.{format}";
                return format == "csv"
                    ? Spreadsheets.Download(Spreadsheets.Csv(rows), Spreadsheets.CsvType, name)
                    : Spreadsheets.Download(await Spreadsheets.XlsxAsync(rows, ct), Spreadsheets.XlsxType, name);
            })
            .WithName("ExportRequests")
            .WithSummary("The queue with its filters, every matching row (at most 100,000), as CSV (UTF-8 with BOM) or XLSX (audited)")
            .WithRequestTimeout(Hardening.DownloadPolicy);
        return app;
    }

    /// <summary>200 clips with long names and a 1 MB signature in base64 fit.</summary>
    public const long MaxHandOverBytes = 2L * 1024 * 1024;

}
