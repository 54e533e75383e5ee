using CctvRequests.Api.Integrations;
using CctvRequests.Api.Staff;
using CctvRequests.Application.Integrations;
using CctvRequests.Application.Integrations.CreateApiClient;
using CctvRequests.Application.Integrations.ListApiClients;
using CctvRequests.Application.Integrations.ListEvents;
using CctvRequests.Application.Integrations.RevokeApiClient;
using CctvRequests.Application.Integrations.RotateApiClientSecret;
using CctvRequests.Application.Integrations.Webhooks;
using Mediator;

namespace CctvRequests.Api.Endpoints;

/// <summary>Other systems' way in (ADR 0018): administrators manage API clients; clients read the event feed.</summary>
public static class IntegrationEndpoints
{
    public static IEndpointRouteBuilder MapIntegrations(this IEndpointRouteBuilder app)
    {
        app.MapTokenEndpoint();

        var admin = app.MapGroup("/api/staff/api-clients").WithTags("Integrations").RequireAuthorization(StaffPolicies.Admin)
            .AddEndpointFilter<CsrfFilter>().ValidatesForms();
        admin.MapGet("/", async (ISender sender, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(await sender.Send(new ListApiClientsQuery(), ct));
            })
            .WithName("ListApiClients")
            .WithSummary("API clients with their scopes, expiry, secrets' dates and last use (Admin)")
            .Produces<IReadOnlyList<ApiClientDto>>();
        admin.MapPost("/", async (ApiClientForm body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Created((string?)null, await sender.Send(body.ToCommand(), ct));
            })
            .WithName("CreateApiClient")
            .WithSummary("A new API client; its secret is in this answer only (Admin)")
            .WithDescription("Scopes: `requests.read` (the queue and each request's detail, the national ID in full, no files), `requests.files` (attachments), `statistics.read`, `events.read` (the event feed and webhooks). Nothing a client does decides a request.")
            .Produces<NewApiClientSecretDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        admin.MapPost("/{clientId}/rotate-secret", async (string clientId, RotateSecretForm? body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(await sender.Send((body ?? new RotateSecretForm(null)).ToCommand(clientId), ct));
            })
            .WithName("RotateApiClientSecret")
            .WithSummary("A new secret, shown once; the earlier ones keep working for the overlap (24 hours unless told) (Admin)")
            .Produces<NewApiClientSecretDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/{clientId}/revoke", async (string clientId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RevokeApiClientCommand(clientId), ct)))
            .WithName("RevokeApiClient")
            .WithSummary("The client stops at once: its tokens are refused on every node from the next call (Admin)")
            .Produces<ApiClientDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var feed = app.MapGroup("/api/integrations").WithTags("Integrations").AddEndpointFilter<CsrfFilter>().ValidatesForms();
        feed.MapGet("/events", async ([AsParameters] ListEventsForm form, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(await sender.Send(form.ToQuery(), ct));
            })
            .RequireAuthorization(StaffOrClient.Policy(ApiScopes.EventsRead))
            .WithName("ListEvents")
            .WithSummary("The event feed, in order, never skipping one (scope events.read)")
            .WithDescription("Start without `after`; then send each page's `next` as `after`. An event appears once its transaction has committed and every transaction that began before it has finished, so a reader that keeps its place never misses one committed late (ADR 0018). When `hasMore` is false, poll again later with the same `next`.")
            .Produces<EventPageDto>()
            .ProducesValidationProblem();

        // A client registers its own endpoints (events.read); an administrator any client's (with clientId).
        var webhooks = feed.MapGroup("/webhooks").RequireAuthorization(StaffOrClient.Policy(ApiScopes.EventsRead));
        webhooks.MapPost("/", async (WebhookForm body, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Created((string?)null, await sender.Send(body.ToCommand(), ct));
            })
            .WithName("CreateWebhook")
            .WithSummary("Register an HTTPS endpoint for some event types; its signing secret is in this answer only (scope events.read, or Admin)")
            .WithDescription("Deliveries are signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>` with the secret `whsec_…`), retried with backoff for about 24 hours, the same `webhook-id` on every retry. The host must resolve to public addresses only. An endpoint failing for three days is disabled.")
            .Produces<NewWebhookDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        webhooks.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListWebhooksQuery(), ct)))
            .WithName("ListWebhooks")
            .WithSummary("The caller's endpoints (a client's own; every one for an Admin)")
            .Produces<IReadOnlyList<WebhookDto>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        webhooks.MapGet("/{id:guid}/attempts", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListWebhookAttemptsQuery(id), ct)))
            .WithName("ListWebhookAttempts")
            .WithSummary("The delivery log of one endpoint: each try's status code, time taken and at most 1 KB of the answer, newest first")
            .Produces<IReadOnlyList<WebhookAttemptDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteWebhookCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteWebhook")
            .WithSummary("Remove an endpoint: nothing more is delivered to it")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
