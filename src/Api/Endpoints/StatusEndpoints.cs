using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Requests.GetStatusByToken;
using CctvRequests.Application.Requests.GetStatusQr;
using CctvRequests.Application.Requests.Lookup;
using Mediator;

namespace CctvRequests.Api.Endpoints;

/// <summary>
/// The citizen's ways to follow a request. Everything secret travels in a POST body, never in a
/// URL, so identity documents and tokens stay out of access logs and browser history.
/// </summary>
public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/status").WithTags("Status");

        group.MapPost("/lookup", async (LookupForm body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(body.ToQuery(), ct)))
            // The client's limit before the form is read: malformed lookups count against it too.
            .AddEndpointFilter(async (invocation, next) =>
            {
                var context = invocation.HttpContext;
                await context.RequestServices.GetRequiredService<IThrottle>().ForClientAsync(ThrottlePolicy.Lookup, context.Connection.RemoteIpAddress, context.RequestAborted);
                context.Response.Headers.CacheControl = "no-store";
                return await next(invocation);
            })
            .ValidatesForms()
            .WithName("LookupRequests")
            .WithSummary("The applicant's requests, by national ID or passport (การตรวจสอบผล)")
            .WithDescription("Send `nationalId`, or `passportNumber` with `passportCountry`. Answers reference number, status, station, incident date and submission time only, in the language of `Accept-Language`; an unknown document gets an empty array. Limited per client and per document (429 with Retry-After).")
            .Produces<IReadOnlyList<StatusSummaryDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/token", async (TokenRequest body, HttpContext context, IThrottle throttle, ISender sender, CancellationToken ct) =>
            {
                await throttle.ForClientAsync(ThrottlePolicy.Status, context.Connection.RemoteIpAddress, ct);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(await sender.Send(new GetStatusByTokenQuery(body.Token), ct));
            })
            .WithName("GetStatusByToken")
            .WithSummary("One request's status, by the token of its QR code")
            .WithDescription("The token is the `t` value in the fragment of `statusUrl`. Texts are in the language of `Accept-Language`; the name is masked; internal notes never appear.")
            .Produces<StatusDetailDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/qr", async (TokenRequest body, HttpContext context, IThrottle throttle, ISender sender, CancellationToken ct) =>
            {
                await throttle.ForClientAsync(ThrottlePolicy.Status, context.Connection.RemoteIpAddress, ct);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(await sender.Send(new GetStatusQrQuery(body.Token), ct), "image/png", "cctv-request-qr.png");
            })
            .WithName("GetStatusQrCode")
            .WithSummary("The QR code of a status link again, as a PNG")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        return app;
    }
}

/// <param name="Token">The <c>t</c> value from the status link's fragment.</param>
public sealed record TokenRequest(string? Token);
