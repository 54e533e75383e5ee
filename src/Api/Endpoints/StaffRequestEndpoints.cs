using System.Globalization;
using CctvRequests.Api.Hosting;
using CctvRequests.Api.Integrations;
using CctvRequests.Application.Integrations;
using CctvRequests.Api.Staff;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Application.Staff.AddNote;
using CctvRequests.Application.Staff.CancelRequest;
using CctvRequests.Application.Staff.GetAttachment;
using CctvRequests.Application.Staff.GetRequest;
using CctvRequests.Application.Staff.ListAllStations;
using CctvRequests.Application.Staff.ListCancellationReasons;
using CctvRequests.Application.Staff.ListRequests;
using CctvRequests.Application.Staff.RecordPreservation;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.Net.Http.Headers;

namespace CctvRequests.Api.Endpoints;

/// <summary>The officers' work: the queue, one request with its files, and the decisions on it.</summary>
public static class StaffRequestEndpoints
{
    public static IEndpointRouteBuilder MapStaffRequests(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(StaffPolicies.Staff).AddEndpointFilter<CsrfFilter>().ValidatesForms();
        // Reads an API client may make too, with the scope each needs (ADR 0018); audited as the client.
        var readable = app.MapGroup("/api/staff").WithTags("Staff").AddEndpointFilter<CsrfFilter>().ValidatesForms();

        readable.MapGet("/requests", async ([AsParameters] StaffQueueForm filters, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                NoStore(http);
                return TypedResults.Ok(await sender.Send(filters.ToQuery(), ct));
            })
            .WithName("ListStaffRequests")
            .WithSummary("The queue: filters, search, counts per status, paging")
            .WithDescription("`status`: Pending, Received, Approved, Cancelled, or several comma-separated. `q`: a reference number, a name, a national ID or a passport number. `sort`: overwrite (fewest days before the footage is overwritten first; the default for open requests), newest or oldest. Dates yyyy-MM-dd. `flag` is `overwriteSoon` (3 days or fewer, not preserved) or `overwritten`.")
            .RequireAuthorization(StaffOrClient.Policy(ApiScopes.RequestsRead))
            .Produces<StaffQueueDto>()
            .ProducesValidationProblem();

        readable.MapGet("/requests/{referenceNumber}", async (string referenceNumber, string? @for, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var request = await sender.Send(new GetStaffRequestQuery(StaffRequestLoader.Reference(referenceNumber), ForPrint: @for == "print"), ct);
                return Detail(http, request);
            })
            .WithName("GetStaffRequest")
            .WithSummary("One request with every field, its files, history, notes and preservation records (audited)")
            .WithDescription("The national ID is in full: officers check it against the ID card copy. The `ETag` header is the version to send back as `If-Match` with a decision. `?for=print` records a print of the official form instead of a view.")
            .RequireAuthorization(StaffOrClient.Policy(ApiScopes.RequestsRead))
            .Produces<StaffRequestDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        readable.MapGet("/requests/{referenceNumber}/attachments/{id:guid}", async (string referenceNumber, Guid id, bool? inline, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var file = await sender.Send(new GetAttachmentQuery(StaffRequestLoader.Reference(referenceNumber), id), ct);
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.ContentSecurityPolicy = "sandbox";
                headers.CacheControl = "no-store";
                var disposition = new ContentDispositionHeaderValue(inline == true && FileTypes.Accepted.Contains(file.ContentType) ? "inline" : "attachment");
                disposition.SetHttpFileName(file.FileName);
                headers.ContentDisposition = disposition.ToString();
                return TypedResults.Stream(file.Content, file.ContentType);
            })
            .RequireAuthorization(StaffOrClient.Policy(ApiScopes.RequestsFiles))
            .WithName("GetStaffAttachment")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .WithSummary("One of the request's files (audited)")
            .WithRequestTimeout(Hardening.DownloadPolicy)
            .WithDescription("`Content-Disposition: attachment`, or `inline` with `?inline=true` for PDF and images; always `X-Content-Type-Options: nosniff`, `Content-Security-Policy: sandbox` and `Cache-Control: no-store`.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        staff.MapPost("/requests/{referenceNumber}/receive", async (string referenceNumber, DecisionForm? body, ISender sender, HttpContext http, CancellationToken ct) =>
                await DecideAsync(http, sender, (body ?? new DecisionForm()).ToReceiveCommand(StaffRequestLoader.Reference(referenceNumber), IfMatch(http)), ct))
            .WithName("ReceiveRequest")
            .WithSummary("Pending → Received (send If-Match)")
            .Decision();

        staff.MapPost("/requests/{referenceNumber}/approve", async (string referenceNumber, DecisionForm? body, ISender sender, HttpContext http, CancellationToken ct) =>
                await DecideAsync(http, sender, (body ?? new DecisionForm()).ToApproveCommand(StaffRequestLoader.Reference(referenceNumber), IfMatch(http)), ct))
            .RequireAuthorization(StaffPolicies.Approver)
            .WithName("ApproveRequest")
            .WithSummary("Received → Approved, by an Approver or Admin (send If-Match)")
            .Decision();

        staff.MapPost("/requests/{referenceNumber}/cancel", async (string referenceNumber, CancelForm body, ISender sender, HttpContext http, CancellationToken ct) =>
                await DecideAsync(http, sender, body.ToCommand(StaffRequestLoader.Reference(referenceNumber), IfMatch(http)), ct))
            .WithName("CancelRequest")
            .WithSummary("Pending or Received → Cancelled, with a reason code and the message the citizen reads (send If-Match)")
            .Decision();

        staff.MapPost("/requests/{referenceNumber}/notes", async (string referenceNumber, NoteForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Created((string?)null, await sender.Send(body.ToCommand(StaffRequestLoader.Reference(referenceNumber)), ct)))
            .WithName("AddNote")
            .WithSummary("An internal note (never shown to the citizen)")
            .Produces<StaffNoteDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        staff.MapPost("/requests/{referenceNumber}/preservation", async (string referenceNumber, PreservationForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Created((string?)null, await sender.Send(body.ToCommand(StaffRequestLoader.Reference(referenceNumber)), ct)))
            .WithName("RecordPreservation")
            .WithSummary("Record that the incident's footage was exported or locked at the station")
            .Produces<StaffPreservationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        staff.MapGet("/cancellation-reasons", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListCancellationReasonsQuery(), ct)))
            .WithName("ListCancellationReasons")
            .WithSummary("The reason codes for a cancellation, with their text");
        staff.MapGet("/stations", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListAllStationsQuery(), ct)))
            .WithName("ListAllStations")
            .WithSummary("Every station, active or not");
        return app;
    }

    private static RouteHandlerBuilder Decision(this RouteHandlerBuilder builder) => builder
        .Produces<StaffRequestDto>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static async Task<IResult> DecideAsync<TCommand>(HttpContext http, ISender sender, TCommand command, CancellationToken ct)
        where TCommand : ICommand<RequestStatus>, IReferencedCommand
    {
        await sender.Send(command, ct);
        return Detail(http, await sender.Send(new GetStaffRequestQuery(command.Reference, RecordView: false), ct));
    }

    private static IResult Detail(HttpContext http, StaffRequestDto request)
    {
        NoStore(http);
        http.Response.Headers.ETag = $"\"{request.Version.ToString(CultureInfo.InvariantCulture)}\"";
        return TypedResults.Ok(request);
    }

    /// <summary>Staff answers hold personal data: no cache keeps them.</summary>
    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";


    /// <summary>The version the caller read, from <c>If-Match: "n"</c>; without it a change is refused (428).</summary>
    private static uint IfMatch(HttpContext http)
    {
        var value = http.Request.Headers.IfMatch.ToString().Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }
        value = value.Trim('"');
        return value.Length == 0 ? throw new PreconditionRequiredException()
            : uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : throw new PreconditionFailedException();
    }
}
