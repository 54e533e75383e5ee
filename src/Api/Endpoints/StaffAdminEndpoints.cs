using CctvRequests.Api.Staff;
using CctvRequests.Application.Audit.ListAuditEntries;
using CctvRequests.Application.Staff.Users;
using CctvRequests.Application.Staff.Users.ChangeStaffRole;
using CctvRequests.Application.Staff.Users.CreateStaffUser;
using CctvRequests.Application.Staff.Users.ListStaffUsers;
using CctvRequests.Application.Staff.Users.ResetStaffPassword;
using CctvRequests.Application.Staff.Users.SetStaffUserDisabled;
using Mediator;

namespace CctvRequests.Api.Endpoints;

/// <summary>Administrators: staff accounts and the audit log.</summary>
public static class StaffAdminEndpoints
{
    public static IEndpointRouteBuilder MapStaffAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(StaffPolicies.Admin).AddEndpointFilter<CsrfFilter>().ValidatesForms();

        admin.MapGet("/audit", async ([AsParameters] AuditForm filters, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(await sender.Send(filters.ToQuery(), ct));
            })
            .WithName("ListAuditEntries")
            .WithSummary("The audit log, newest first (Admin)")
            .Produces<AuditPageDto>()
            .ProducesValidationProblem();

        admin.MapGet("/users", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListStaffUsersQuery(), ct)))
            .WithName("ListStaffUsers")
            .WithSummary("Staff accounts (Admin)");
        admin.MapPost("/users", async (NewUserForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Created((string?)null, await sender.Send(body.ToCommand(), ct)))
            .WithName("CreateStaffUser")
            .WithSummary("Create an account with a temporary password, shown once, to be changed at the first sign-in (Admin)")
            .Produces<NewPasswordDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        admin.MapPut("/users/{id:guid}/role", async (Guid id, RoleForm body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(body.ToCommand(id), ct)))
            .WithName("ChangeStaffRole")
            .WithSummary("Change an account's role: Officer, Approver or Admin (Admin)")
            .Produces<StaffUserDto>()
            .ProducesValidationProblem();
        admin.MapPost("/users/{id:guid}/disable", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetStaffUserDisabledCommand(id, Disabled: true), ct)))
            .WithName("DisableStaffUser")
            .WithSummary("Disable an account; its sessions end within a minute (Admin)")
            .Produces<StaffUserDto>();
        admin.MapPost("/users/{id:guid}/enable", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetStaffUserDisabledCommand(id, Disabled: false), ct)))
            .WithName("EnableStaffUser")
            .WithSummary("Enable a disabled account (Admin)")
            .Produces<StaffUserDto>();
        admin.MapPost("/users/{id:guid}/reset-password", async (Guid id, ResetPasswordForm? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send((body ?? new ResetPasswordForm()).ToCommand(id), ct)))
            .WithName("ResetStaffPassword")
            .WithSummary("A new temporary password (shown once); optionally turn two-step verification off so it is set up again (Admin)")
            .Produces<NewPasswordDto>();
        return app;
    }
}
