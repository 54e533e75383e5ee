using CctvRequests.Api.Hosting;
using CctvRequests.Application.Settings.GetFormSettings;
using Mediator;

namespace CctvRequests.Api.Endpoints;

public static class SettingsEndpoints
{
    public static IEndpointRouteBuilder MapSettings(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/form-settings", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetFormSettingsQuery(), ct)))
            .WithTags("Settings")
            .CachedAsReference()
            .WithName("GetFormSettings")
            .WithSummary("The form's rules and the organization, for the citizen's page")
            .WithDescription("Every field with its limits and messages (in the language of `Accept-Language`), the file limits, whether a police report is required, the current privacy notice version, the passport countries and the organization's profile. The page applies these rules before sending; the server applies the same ones again.");
        app.MapGet("/api/organization/logo", async (ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var png = await sender.Send(new Application.Administration.GetLogo.GetLogoQuery(), ct);
                if (png is null)
                {
                    throw new Application.Common.NotFoundException(new Domain.Common.Text("ยังไม่มีตราสัญลักษณ์", "There is no logo."));
                }
                // The URL carries the logo's version (?v=), so the file can be cached for good.
                http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.File(png, "image/png");
            })
            .WithTags("Settings")
            .CachedAsReference()
            .WithName("GetLogo")
            .WithSummary("The organization's logo (PNG), if it has one")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
