namespace CctvRequests.Application.Integrations;

/// <summary>
/// One event other systems may follow (SPEC decision 18): what happened to which request, never who the applicant
/// is. Written in the transaction of the change. Its place in the feed is (the writing transaction's id, its
/// number), read only below the oldest transaction still running, so a reader never passes an event that has not
/// been committed yet (ADR 0018).
/// </summary>
public sealed class IntegrationEvent
{
    public const int TypeMax = 50;

    private IntegrationEvent()
    {
        Type = ReferenceNumber = Data = string.Empty;
    }

    /// <summary>The event's identity (in webhooks too).</summary>
    public Guid Id { get; private set; }

    /// <summary>Its number, in the order rows were written (set by the database).</summary>
    public long Position { get; private set; }

    /// <summary>The writing transaction's id (<c>pg_current_xact_id()</c>, set by the database).</summary>
    public ulong TransactionId { get; private set; }

    public string Type { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string ReferenceNumber { get; private set; }
    public string? Status { get; private set; }

    /// <summary>Further facts as JSON (purpose, station, the clip's name and hash…), never personal data.</summary>
    public string Data { get; private set; }

    public static IntegrationEvent Create(string type, DateTimeOffset at, string referenceNumber, string? status, string data) => new()
    {
        Id = Guid.CreateVersion7(at),
        Type = type,
        OccurredAt = at.ToUniversalTime(),
        ReferenceNumber = referenceNumber,
        Status = status,
        Data = data,
    };
}

/// <summary>The event types of the feed and webhooks.</summary>
public static class IntegrationEventTypes
{
    public const string Submitted = "request.submitted";
    public const string Received = "request.received";
    public const string Approved = "request.approved";
    public const string Cancelled = "request.cancelled";
    public const string HandedOver = "request.handed_over";
    public const string CopyReady = "copy.ready";
    public const string CopyDownloaded = "copy.downloaded";
    public const string AppointmentBooked = "appointment.booked";
    public const string AppointmentChanged = "appointment.changed";
    public const string AppointmentCancelled = "appointment.cancelled";

    public static readonly IReadOnlyList<string> All = [Submitted, Received, Approved, Cancelled, HandedOver, CopyReady, CopyDownloaded, AppointmentBooked, AppointmentChanged, AppointmentCancelled];
}

/// <summary>
/// An HTTPS address an API client registered for some event types: each event is delivered there through the
/// outbox, signed per Standard Webhooks with the endpoint's own secret (kept encrypted). Disabled after three days
/// of failing deliveries (administrators are told); re-enabled by the client or an administrator.
/// </summary>
public sealed class WebhookSubscription
{
    public const int UrlMax = 500;
    public static readonly TimeSpan FailingLimit = TimeSpan.FromDays(3);

    private WebhookSubscription()
    {
        Url = ProtectedSecret = string.Empty;
        EventTypes = [];
    }

    public Guid Id { get; private set; }
    public Guid ApiClientId { get; private set; }
    public string Url { get; private set; }
    public string[] EventTypes { get; private set; }

    /// <summary>The signing secret (<c>whsec_</c> + base64), encrypted with Data Protection.</summary>
    public string ProtectedSecret { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Since when deliveries keep failing (null while they arrive).</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    public bool Wants(string type) => DisabledAt is null && EventTypes.Contains(type, StringComparer.Ordinal);

    public static WebhookSubscription Create(Guid clientId, string url, IReadOnlyCollection<string> types, string protectedSecret, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        ApiClientId = clientId,
        Url = url,
        EventTypes = [.. types.Distinct().Order(StringComparer.Ordinal)],
        ProtectedSecret = protectedSecret,
        CreatedAt = at.ToUniversalTime(),
    };

    public void Delivered() => FailingSince = null;

    public void Failed(DateTimeOffset at) => FailingSince ??= at.ToUniversalTime();

    /// <summary>Failing for three days: disabled; answers whether it was disabled now.</summary>
    public bool DisableIfFailingSince(DateTimeOffset now)
    {
        if (DisabledAt is null && FailingSince is { } since && now - since >= FailingLimit)
        {
            DisabledAt = now.ToUniversalTime();
            return true;
        }
        return false;
    }

    public void Enable()
    {
        DisabledAt = null;
        FailingSince = null;
    }
}

/// <summary>One try to deliver a webhook: when, the answer's status code (or why there was none), how long it took, and at most 1 KB of the answer.</summary>
public sealed class WebhookAttempt
{
    public const int AnswerMax = 1024;
    public const int ErrorMax = 500;

    private WebhookAttempt()
    {
    }

    public Guid Id { get; private set; }
    public Guid SubscriptionId { get; private set; }

    /// <summary>The outbox message, whose id is the delivery's <c>webhook-id</c>.</summary>
    public Guid MessageId { get; private set; }

    public string EventType { get; private set; } = string.Empty;
    public DateTimeOffset At { get; private set; }
    public int? StatusCode { get; private set; }
    public int DurationMs { get; private set; }
    public string? Error { get; private set; }
    public string? Answer { get; private set; }

    public bool Succeeded => StatusCode is >= 200 and < 300;

    public static WebhookAttempt Create(Guid subscriptionId, Guid messageId, string eventType, DateTimeOffset at, int? statusCode, int durationMs, string? error, string? answer) => new()
    {
        Id = Guid.CreateVersion7(at),
        SubscriptionId = subscriptionId,
        MessageId = messageId,
        EventType = eventType,
        At = at.ToUniversalTime(),
        StatusCode = statusCode,
        DurationMs = durationMs,
        Error = error is { Length: > ErrorMax } ? error[..ErrorMax] : error,
        Answer = answer is { Length: > AnswerMax } ? answer[..AnswerMax] : answer,
    };
}
