using CctvRequests.Api.Staff;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.PersonalData;
using CctvRequests.Application.PersonalData.CompleteRightsRequest;
using CctvRequests.Application.PersonalData.CorrectApplicant;
using CctvRequests.Application.PersonalData.EraseSubject;
using CctvRequests.Application.PersonalData.GetRetentionStatus;
using CctvRequests.Application.PersonalData.ListRightsRequests;
using CctvRequests.Application.PersonalData.LogRightsRequest;
using CctvRequests.Application.PersonalData.SearchSubject;
using CctvRequests.Application.Staff.GetRequest;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Requests;
using Mediator;

namespace CctvRequests.Api.Endpoints;

/// <summary>
/// The data subject's rights under PDPA s.30-35, for administrators: find a person by document,
/// export what is held, correct a field, erase; and the log of rights requests with their 30-day
/// deadlines. Documents travel in POST bodies only.
/// </summary>
public static class StaffSubjectEndpoints
{
    public static IEndpointRouteBuilder MapStaffSubjects(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/staff/subjects").WithTags("Staff: personal data")
            .RequireAuthorization(StaffPolicies.Admin).AddEndpointFilter<CsrfFilter>().ValidatesForms();

        admin.MapPost("/search", async (SubjectForm body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(await sender.Send(body.ToSearchQuery(), ct));
            })
            .WithName("SearchSubject").WithSummary("Every request of one person (national ID, or passport and country), and their rights requests (audited)")
            .Produces<SubjectDto>().ProducesValidationProblem();

        admin.MapPost("/export", async (SubjectForm body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var export = await sender.Send(body.ToExportQuery(), ct);
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.Stream(export.Zip, "application/zip", export.FileName);
            })
            .WithName("ExportSubject").WithSummary("Everything held about the person as a ZIP: subject.json and every file byte for byte (PDPA s.30; audited)")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip").ProducesValidationProblem()
            .WithRequestTimeout(Hosting.Hardening.DownloadPolicy);

        admin.MapPost("/erase", async (EraseSubjectForm body, ISender sender, IFileStore files, CancellationToken ct) =>
            {
                var result = await sender.Send(body.ToCommand(), ct);
                // Committed: now the files go (a crash here leaves files no row names, which the storage sweep removes).
                foreach (var key in result.FilesToDelete)
                {
                    await files.DeleteAsync(key);
                }
                return TypedResults.Ok(new ErasedSubjectDto(result.Erased, result.Cancelled));
            })
            .WithName("EraseSubject").WithSummary("Erase the person's personal data and files from every request; open ones become Cancelled (reason Erased) (PDPA s.33; audited)")
            .Produces<ErasedSubjectDto>()
            .ProducesValidationProblem();

        admin.MapGet("/rights-requests", async (string? status, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(ListRightsRequestsQuery.Of(status), ct)))
            .WithName("ListRightsRequests").WithSummary("Rights requests: open ones (default) by deadline, done, or all")
            .Produces<IReadOnlyList<RightsRequestDto>>();

        admin.MapPost("/rights-requests", async (RightsRequestForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Created((string?)null, await sender.Send(body.ToCommand(), ct)))
            .WithName("LogRightsRequest").WithSummary("Log a rights request with the day the person asked; its deadline is 30 days later (audited)")
            .Produces<RightsRequestDto>(StatusCodes.Status201Created).ProducesValidationProblem();

        admin.MapPost("/rights-requests/{id:guid}/done", async (Guid id, CompleteRightsRequestForm? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send((body ?? new CompleteRightsRequestForm()).ToCommand(id), ct)))
            .WithName("CompleteRightsRequest").WithSummary("Mark a rights request done (audited)")
            .Produces<RightsRequestDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        admin.MapGet("/retention", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new RetentionStatusQuery(), ct)))
            .WithName("RetentionStatus").WithSummary("Retention: years kept, the last run and what it erased, how many are due now")
            .Produces<RetentionStatusDto>();

        var requests = app.MapGroup("/api/staff/requests").WithTags("Staff: personal data")
            .RequireAuthorization(StaffPolicies.Admin).AddEndpointFilter<CsrfFilter>().ValidatesForms();
        requests.MapPut("/{referenceNumber}/applicant", async (string referenceNumber, CorrectApplicantForm body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var reference = ReferenceNumber.TryParse(referenceNumber, out var r) ? r : throw new NotFoundException(StaffRequestLoader.NotFound);
                await sender.Send(body.ToCommand(reference), ct);
                var detail = await sender.Send(new GetStaffRequestQuery(reference, RecordView: false), ct);
                http.Response.Headers.ETag = $"\"{detail.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(detail);
            })
            .WithName("CorrectApplicant").WithSummary("Correct one field of the applicant (PDPA s.35); the request's history notes which field (not the old value) (audited)")
            .Produces<StaffRequestDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }
}

/// <summary>What an erasure did.</summary>
/// <param name="Erased">Requests whose personal data and files were erased.</param>
/// <param name="Cancelled">Of those, the open ones that became Cancelled (reason Erased).</param>
public sealed record ErasedSubjectDto(int Erased, int Cancelled);
