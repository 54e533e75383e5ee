using CctvRequests.Application.Settings.GetFormSettings;
using Mediator;

namespace CctvRequests.Api.Endpoints;

public static class SettingsEndpoints
{
    public static IEndpointRouteBuilder MapSettings(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/form-settings", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetFormSettingsQuery(), ct)))
            .WithTags("Settings")
            .WithName("GetFormSettings")
            .WithSummary("The form's rules and the organization, for the citizen's page")
            .WithDescription("Every field with its limits and messages (in the language of `Accept-Language`), the file limits, whether a police report is required, the current privacy notice version, the passport countries and the organization's profile. The page applies these rules before sending; the server applies the same ones again.");
        return app;
    }
}
