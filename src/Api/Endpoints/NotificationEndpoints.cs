using CctvRequests.Api.Staff;
using CctvRequests.Application.Notifications;
using CctvRequests.Application.Notifications.ListFailingMessages;
using CctvRequests.Application.Notifications.ListRequestMessages;
using CctvRequests.Application.Notifications.RetryMessage;
using CctvRequests.Application.Notifications.Unsubscribe;
using CctvRequests.Application.Abstractions;
using Microsoft.AspNetCore.Mvc;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Infrastructure.Notifications;
using Mediator;

namespace CctvRequests.Api.Endpoints;

/// <summary>The citizens' messages as staff see them: per request, the failing ones, and "send again" (ADR 0016).</summary>
public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(StaffPolicies.Staff).AddEndpointFilter<CsrfFilter>().ValidatesForms();
        staff.MapGet("/requests/{referenceNumber}/messages", async (string referenceNumber, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListRequestMessagesQuery(StaffRequestLoader.Reference(referenceNumber)), ct)))
            .WithName("ListRequestMessages")
            .WithSummary("The e-mails and SMS about one request: channel, event, status, attempts, last error (addresses masked, no bodies)")
            .Produces<IReadOnlyList<MessageDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var admin = app.MapGroup("/api/staff/messages").WithTags("Staff").RequireAuthorization(StaffPolicies.Admin).AddEndpointFilter<CsrfFilter>().ValidatesForms();
        admin.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListFailingMessagesQuery(), ct)))
            .WithName("ListFailingMessages")
            .WithSummary("Messages that could not be sent (retrying or given up), newest first (administrators)")
            .Produces<IReadOnlyList<MessageDto>>();
        admin.MapPost("/{id:guid}/retry", async (Guid id, ISender sender, OutboxSignal dispatcher, CancellationToken ct) =>
            {
                var message = await sender.Send(new RetryMessageCommand(id), ct);
                dispatcher.Set();
                return TypedResults.Ok(message);
            })
            .WithName("RetryMessage")
            .WithSummary("ส่งอีกครั้ง: a failing or given-up message gets a new round of attempts, due now (administrators)")
            .Produces<MessageDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapPost(NotificationLinks.UnsubscribePath, async ([FromQuery(Name = "t")] string? t, HttpContext context, IThrottle throttle, ISender sender, CancellationToken ct) =>
            {
                await throttle.ForClientAsync(ThrottlePolicy.Status, context.Connection.RemoteIpAddress, ct);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(await sender.Send(new UnsubscribeCommand(t ?? await TokenInBodyAsync(context.Request, ct)), ct));
            })
            .WithTags("Status")
            .WithName("Unsubscribe")
            .WithSummary("Stop the e-mails and SMS about one request (the link in every e-mail)")
            .WithDescription("One-click (RFC 8058): a POST to the address in the e-mail's `List-Unsubscribe` header, its token in `t`; or `{\"token\"}` in a JSON body, as the page `/unsubscribe` sends it. The token stops messages about its request and opens nothing else.")
            .Produces<UnsubscribeResult>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    /// <summary>The page sends <c>{ "token": ... }</c>; a mail client's one-click sends a form body with the token in the address.</summary>
    private static async Task<string?> TokenInBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            return null;
        }
        try
        {
            return (await request.ReadFromJsonAsync<TokenRequest>(ct))?.Token;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
