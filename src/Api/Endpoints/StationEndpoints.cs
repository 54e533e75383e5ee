using CctvRequests.Api.Hosting;
using CctvRequests.Application.Stations.ListStations;
using Mediator;

namespace CctvRequests.Api.Endpoints;

public static class StationEndpoints
{
    public static IEndpointRouteBuilder MapStations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stations").WithTags("Stations");

        group.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListStationsQuery(), ct)))
            .CachedAsReference()
            .WithName("ListStations")
            .WithSummary("The camera stations that take requests")
            .WithDescription("Active stations in the organization's order, for the form's เหตุเกิดบริเวณ list. `footageRetentionDays` is how long the cameras keep footage before overwriting it.");

        return app;
    }
}
