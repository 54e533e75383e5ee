using CctvRequests.Api.Staff;
using CctvRequests.Application.Notifications;
using CctvRequests.Application.Notifications.ListFailingMessages;
using CctvRequests.Application.Notifications.ListRequestMessages;
using CctvRequests.Application.Notifications.RetryMessage;
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
        return app;
    }
}
