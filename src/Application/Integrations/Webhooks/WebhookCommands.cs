using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Integrations.Webhooks;

/// <summary>A webhook endpoint to register.</summary>
/// <param name="Url">An HTTPS address whose host resolves to public addresses only.</param>
/// <param name="EventTypes">Some of the feed's event types (<c>request.submitted</c>, <c>request.received</c>, ...).</param>
/// <param name="ClientId">For an administrator: the client the endpoint belongs to. A client registers for itself and leaves it out.</param>
public sealed record WebhookForm(string? Url, IReadOnlyList<string>? EventTypes, string? ClientId)
{
    public CreateWebhookCommand ToCommand() => new(new Uri(Url!.Trim()), [.. EventTypes!.Distinct(StringComparer.Ordinal)], string.IsNullOrWhiteSpace(ClientId) ? null : ClientId.Trim());

    public override string ToString() => nameof(WebhookForm);
}

public sealed class WebhookFormValidator : AbstractValidator<WebhookForm>
{
    public static readonly Text UrlInvalid = new("กรุณากรอกที่อยู่ HTTPS แบบเต็ม (ไม่เกิน 500 ตัวอักษร ไม่มีชื่อผู้ใช้หรือรหัสผ่านในที่อยู่)",
        "Give a full HTTPS address (at most 500 characters, no user name or password in it).");

    public WebhookFormValidator(IWebhookTargets targets)
    {
        RuleFor(x => x.Url).Must(v => IsUsable(v, targets.AllowsPlainHttp)).Says(UrlInvalid);
        RuleFor(x => x.EventTypes).NotEmpty().Says(new Text("กรุณาเลือกประเภทเหตุการณ์อย่างน้อยหนึ่งรายการ", "Choose at least one event type."))
            .Must(v => v!.All(t => IntegrationEventTypes.All.Contains(t)))
            .Says(new Text($"ประเภทเหตุการณ์ที่เลือกได้: {string.Join(", ", IntegrationEventTypes.All)}", $"Event types are some of: {string.Join(", ", IntegrationEventTypes.All)}."));
        RuleFor(x => x.ClientId).MaximumLength(ApiClient.ClientIdLength).Says(ApiClientLoaderTexts.NotFound);
    }

    private static bool IsUsable(string? value, bool plainHttp) =>
        value is { Length: > 0 and <= WebhookSubscription.UrlMax }
        && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (plainHttp && uri.Scheme == Uri.UriSchemeHttp))
        && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Fragment);
}

public static class ApiClientLoaderTexts
{
    public static readonly Text NotFound = RotateApiClientSecret.ApiClientLoader.NotFound;
}

/// <summary>Registers an endpoint for a client: its signing secret is in the answer only (stored encrypted).</summary>
public sealed record CreateWebhookCommand(Uri Url, IReadOnlyList<string> EventTypes, string? ClientId) : ICommand<NewWebhookDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.CreateWebhook;

    public string? AuditReference => null;

    public string? AuditDetails => $"{Url.Host}: {string.Join(' ', EventTypes)}";
}

public sealed class CreateWebhookHandler(IAppDbContext db, ICurrentUser user, IWebhookTargets targets, TimeProvider clock) : ICommandHandler<CreateWebhookCommand, NewWebhookDto>
{
    public async ValueTask<NewWebhookDto> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        var client = await WebhookOwner.ClientAsync(db, user, command.ClientId, cancellationToken);
        if (!client.Scopes.Contains(ApiScopes.EventsRead))
        {
            throw ValidationMessages.Invalid("clientId", new Text("ไคลเอนต์นี้ไม่มีสิทธิ์ events.read", "This client lacks the events.read scope."));
        }
        if (await targets.RefusalAsync(command.Url, cancellationToken) is { } refusal)
        {
            throw ValidationMessages.Invalid("url", refusal);
        }
        var (secret, protectedSecret) = targets.NewSecret();
        var subscription = WebhookSubscription.Create(client.Id, command.Url.AbsoluteUri, command.EventTypes, protectedSecret, clock.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new NewWebhookDto(WebhookDto.Of(subscription, client.ClientId), secret);
    }
}

/// <summary>Whose webhooks the caller may see and change: a client its own; an administrator any client's.</summary>
public static class WebhookOwner
{
    public static async Task<ApiClient> ClientAsync(IAppDbContext db, ICurrentUser user, string? clientId, CancellationToken cancellationToken)
    {
        var id = user.ApiClientId ?? (user.IsInRole(StaffRoles.Admin) ? clientId : throw new ForbiddenException());
        if (id is null)
        {
            throw ValidationMessages.Invalid("clientId", new Text("กรุณาระบุไคลเอนต์ (clientId)", "Name the client (clientId)."));
        }
        return await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == id, cancellationToken)
               ?? throw ValidationMessages.Invalid("clientId", RotateApiClientSecret.ApiClientLoader.NotFound);
    }

    /// <summary>The subscriptions the caller may see: a client's own, or every one for an administrator.</summary>
    public static IQueryable<WebhookSubscription> Visible(IAppDbContext db, ICurrentUser user) =>
        user.ApiClientId is { } own
            ? from s in db.WebhookSubscriptions join c in db.ApiClients on s.ApiClientId equals c.Id where c.ClientId == own select s
            : user.IsInRole(StaffRoles.Admin) ? db.WebhookSubscriptions : throw new ForbiddenException();
}

public sealed record ListWebhooksQuery : IQuery<IReadOnlyList<WebhookDto>>;

public sealed class ListWebhooksHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListWebhooksQuery, IReadOnlyList<WebhookDto>>
{
    public async ValueTask<IReadOnlyList<WebhookDto>> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        var rows = await (from s in WebhookOwner.Visible(db, user).AsNoTracking()
                          join c in db.ApiClients on s.ApiClientId equals c.Id
                          orderby s.CreatedAt
                          select new { s, c.ClientId }).ToListAsync(cancellationToken);
        return rows.Select(r => WebhookDto.Of(r.s, r.ClientId)).ToList();
    }
}

/// <summary>The delivery log of one endpoint, newest first (at most 200 tries).</summary>
public sealed record ListWebhookAttemptsQuery(Guid WebhookId) : IQuery<IReadOnlyList<WebhookAttemptDto>>;

public sealed class ListWebhookAttemptsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListWebhookAttemptsQuery, IReadOnlyList<WebhookAttemptDto>>
{
    public static readonly Text NotFound = new("ไม่พบ webhook นี้", "There is no such webhook.");

    public async ValueTask<IReadOnlyList<WebhookAttemptDto>> Handle(ListWebhookAttemptsQuery query, CancellationToken cancellationToken)
    {
        if (!await WebhookOwner.Visible(db, user).AnyAsync(s => s.Id == query.WebhookId, cancellationToken))
        {
            throw new NotFoundException(NotFound);
        }
        return await db.WebhookAttempts.AsNoTracking().Where(a => a.SubscriptionId == query.WebhookId).OrderByDescending(a => a.At).Take(200)
            .Select(a => new WebhookAttemptDto(a.MessageId, a.EventType, a.At, a.StatusCode, a.DurationMs, a.Error, a.Answer))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>Removes an endpoint: nothing more is delivered to it.</summary>
public sealed record DeleteWebhookCommand(Guid WebhookId) : ICommand<bool>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.DeleteWebhook;

    public string? AuditReference => null;

    public string? AuditDetails => WebhookId.ToString();
}

public sealed class DeleteWebhookHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<DeleteWebhookCommand, bool>
{
    public async ValueTask<bool> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await WebhookOwner.Visible(db, user).SingleOrDefaultAsync(s => s.Id == command.WebhookId, cancellationToken)
                           ?? throw new NotFoundException(ListWebhookAttemptsHandler.NotFound);
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>A registered endpoint.</summary>
/// <param name="Id">The endpoint's id.</param>
/// <param name="ClientId">The client it belongs to.</param>
/// <param name="Url">Where deliveries go.</param>
/// <param name="EventTypes">The event types it receives.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="FailingSince">Since when deliveries keep failing (null while they arrive).</param>
/// <param name="DisabledAt">When it was disabled after three days of failures (null while it is on).</param>
public sealed record WebhookDto(Guid Id, string ClientId, string Url, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt, DateTimeOffset? FailingSince, DateTimeOffset? DisabledAt)
{
    public static WebhookDto Of(WebhookSubscription s, string clientId) => new(s.Id, clientId, s.Url, s.EventTypes, s.CreatedAt, s.FailingSince, s.DisabledAt);
}

/// <summary>A new endpoint and its signing secret, shown this once.</summary>
/// <param name="Webhook">The endpoint.</param>
/// <param name="Secret">The Standard Webhooks signing secret (<c>whsec_…</c>) to verify each delivery's <c>webhook-signature</c> with.</param>
public sealed record NewWebhookDto(WebhookDto Webhook, string Secret);

/// <summary>One delivery try.</summary>
/// <param name="WebhookId">The delivery's <c>webhook-id</c> (the same on every retry of it).</param>
/// <param name="EventType">The event's type.</param>
/// <param name="At">When it was tried.</param>
/// <param name="StatusCode">The endpoint's HTTP status (null when it did not answer).</param>
/// <param name="DurationMs">How long it took.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="Answer">At most 1 KB of the endpoint's answer.</param>
public sealed record WebhookAttemptDto(Guid WebhookId, string EventType, DateTimeOffset At, int? StatusCode, int DurationMs, string? Error, string? Answer);
