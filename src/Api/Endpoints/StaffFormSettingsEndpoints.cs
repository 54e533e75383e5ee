using CctvRequests.Api.Staff;
using CctvRequests.Application.Settings.GetStaffFormSettings;
using CctvRequests.Infrastructure.Identity;
using Mediator;

namespace CctvRequests.Api.Endpoints;

/// <summary>The staff pages' rules, labels and choices: the staff side's <c>/api/form-settings</c>.</summary>
public static class StaffFormSettingsEndpoints
{
    public static IEndpointRouteBuilder MapStaffFormSettings(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/staff/form-settings", async (ISender sender, CancellationToken ct) =>
            {
                var settings = await sender.Send(new GetStaffFormSettingsQuery(), ct);
                // The password's length is the identity store's rule, which only the host knows.
                return TypedResults.Ok(settings with
                {
                    Lengths = new Dictionary<string, LengthDto>(settings.Lengths)
                    {
                        ["account.password"] = new(IdentitySetup.PasswordMinLength, IdentitySetup.PasswordMaxLength),
                    },
                });
            })
            .RequireAuthorization(StaffPolicies.Session)
            .WithTags("Staff")
            .WithName("GetStaffFormSettings")
            .WithSummary("The staff forms' limits and choices, with their labels in Thai and English")
            .WithDescription("Every staff text field's length (`lengths`, named `form.field`), the stations' retention range, the hand-over's and the logo's limits, the online copy's (`onlineCopy`: clips, bytes per clip, expiry days, the resumable upload's piece size, the video types taken), the rights requests' deadline, the API clients' scopes (with labels), latest expiry day and secret overlap (`apiClients`), and the statuses, purposes, roles, rights kinds, correctable applicant fields and organization fields with `{ th, en }` labels. The staff pages take every limit and label from here; the server applies the same rules again. Any signed-in staff member, a restricted session too.")
            .Produces<StaffFormSettingsDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
