using CctvRequests.Api.Staff;
using CctvRequests.Application.Administration;
using CctvRequests.Application.Administration.CreateReason;
using CctvRequests.Application.Administration.GetOrganization;
using CctvRequests.Application.Administration.ListPrivacyNotices;
using CctvRequests.Application.Administration.ListReasons;
using CctvRequests.Application.Administration.PublishPrivacyNotice;
using CctvRequests.Application.Administration.SetLogo;
using CctvRequests.Application.Staff.ListAllStations;
using Mediator;

namespace CctvRequests.Api.Endpoints;

/// <summary>Administrators: stations, the organization profile and logo, privacy notice versions, cancellation reasons.</summary>
public static class StaffSettingsEndpoints
{
    public const int MaxLogoRequestBytes = 600 * 1024;

    public static IEndpointRouteBuilder MapStaffSettings(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/staff/admin").WithTags("Staff").RequireAuthorization(StaffPolicies.Admin).AddEndpointFilter<CsrfFilter>().ValidatesForms();

        admin.MapPost("/stations", async (StationForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Created((string?)null, await sender.Send(body.ToCommand(), ct)))
            .WithName("CreateStation").WithSummary("Add a camera station (Admin)")
            .Produces<StaffStationDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        admin.MapPut("/stations/{id:int}", async (int id, StationForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(body.ToCommand(id), ct)))
            .WithName("UpdateStation").WithSummary("Rename a station, change its footage retention, order, or whether it takes requests (Admin)")
            .Produces<StaffStationDto>().ProducesValidationProblem();

        admin.MapGet("/organization", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetOrganizationQuery(), ct)))
            .WithName("GetOrganization").WithSummary("The organization profile, every text in Thai and English (Admin)");
        admin.MapPut("/organization", async (OrganizationForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(body.ToCommand(), ct)))
            .WithName("UpdateOrganization").WithSummary("Change the organization profile (Admin)")
            .Produces<OrganizationAdminDto>().ProducesValidationProblem();
        admin.MapPut("/organization/logo", async (HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, ct);
                await sender.Send(new SetLogoCommand(buffer.ToArray()), ct);
                return TypedResults.NoContent();
            })
            .Accepts<byte[]>("image/png")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxLogoRequestBytes))
            .WithName("SetLogo").WithSummary("Upload the logo: the body is the PNG (at most 512 KB, 1000 × 1000 pixels) (Admin)")
            .ProducesValidationProblem();
        admin.MapDelete("/organization/logo", async (ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new SetLogoCommand(null), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveLogo").WithSummary("Remove the logo (Admin)");

        admin.MapGet("/privacy-notices", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListPrivacyNoticesQuery(), ct)))
            .WithName("ListPrivacyNotices").WithSummary("Every published version of the privacy notice, newest first (Admin)");
        admin.MapPost("/privacy-notices", async (PrivacyNoticeForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Created((string?)null, await sender.Send(body.ToCommand(), ct)))
            .WithName("PublishPrivacyNotice").WithSummary("Publish a new version of the privacy notice; citizens see it at once (Admin)")
            .Produces<PrivacyNoticeVersionDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(512 * 1024));

        admin.MapGet("/cancellation-reasons", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListReasonsQuery(), ct)))
            .WithName("ListReasons").WithSummary("The cancellation reasons with their Thai and English labels (Admin)");
        admin.MapPost("/cancellation-reasons", async (NewReasonForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Created((string?)null, await sender.Send(body.ToCommand(), ct)))
            .WithName("CreateReason").WithSummary("Add a cancellation reason (Admin)")
            .Produces<ReasonDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        admin.MapPut("/cancellation-reasons/{code}", async (string code, ReasonForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(body.ToCommand(code), ct)))
            .WithName("UpdateReason").WithSummary("Relabel a cancellation reason, or take it out of use (Admin)")
            .Produces<ReasonDto>().ProducesValidationProblem();
        return app;
    }
}
