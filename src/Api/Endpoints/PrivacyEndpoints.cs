using CctvRequests.Api.Hosting;
using CctvRequests.Application.Privacy.GetPrivacyNotice;
using Mediator;

namespace CctvRequests.Api.Endpoints;

public static class PrivacyEndpoints
{
    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/privacy-notice", async (string? version, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPrivacyNoticeQuery(version), ct)))
            .WithTags("Privacy")
            .CachedAsReference()
            .WithName("GetPrivacyNotice")
            .WithSummary("The current privacy notice (PDPA)")
            .WithDescription("Show `text` (Thai) or `textEn` to the citizen in full, and send `version` back as `privacyNoticeVersion` with the request. `?version=` reads an older published version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
