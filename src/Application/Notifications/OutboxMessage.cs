namespace CctvRequests.Application.Notifications;

/// <summary>How a message leaves.</summary>
public enum MessageChannel
{
    Email,
    Sms,
}

/// <summary>Where a message is in its life (ADR 0016).</summary>
public enum MessageStatus
{
    /// <summary>Written with the change that caused it; not tried yet.</summary>
    Queued,

    /// <summary>Tried and failed; tried again at <see cref="OutboxMessage.NextAttemptAt"/>.</summary>
    Failed,

    Sent,

    /// <summary>Failed <see cref="OutboxMessage.MaxAttempts"/> times, or refused for good; an administrator may send it again.</summary>
    GivenUp,

    /// <summary>Not sent, and never will be: the citizen unsubscribed or the request's personal data was erased.</summary>
    Stopped,
}

/// <summary>What happened that a message tells the citizen.</summary>
public enum MessageEvent
{
    Submitted,
    Received,
    Approved,
    Cancelled,

    /// <summary>The copy can be downloaded (SPEC decision 16), until its expiry day.</summary>
    CopyReady,

    /// <summary>A visit to view the footage was booked (SPEC decision 17): when, where, what to bring.</summary>
    AppointmentBooked,

    /// <summary>The visit moved to another time.</summary>
    AppointmentChanged,

    /// <summary>The visit was called off.</summary>
    AppointmentCancelled,

    /// <summary>The day before the visit.</summary>
    AppointmentReminder,
}

/// <summary>
/// One message of the transactional outbox (ADR 0016): written in the same transaction as the change
/// that causes it, so a rollback sends nothing and a crash loses nothing; sent by the dispatcher of any
/// node, which claims due rows with <c>FOR UPDATE SKIP LOCKED</c> under a lease. Its id is the message's
/// identity outside (the e-mail's Message-ID, the gateway's reference): a crash between sending and
/// marking repeats at most that one message, with the same id. The body is kept until it is sent; the
/// recipient until the request's personal data is erased.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 8;
    public const int RecipientMax = 320;
    public const int SubjectMax = 300;
    public const int ErrorMax = 1000;
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromHours(6);

    private OutboxMessage()
    {
        Language = "th";
    }

    public Guid Id { get; private set; }

    /// <summary>The request the message is about (null when it was not about one).</summary>
    public Guid? RequestId { get; private set; }

    public MessageChannel Channel { get; private set; }

    public MessageEvent Event { get; private set; }

    /// <summary><c>th</c> or <c>en</c>: the language the citizen used on the form.</summary>
    public string Language { get; private set; }

    /// <summary>An e-mail address or a phone number (personal data: erased with the request's).</summary>
    public string? Recipient { get; private set; }

    public string? Subject { get; private set; }

    public string? Body { get; private set; }

    public string? HtmlBody { get; private set; }

    /// <summary>The address that stops messages about this request (RFC 8058), for e-mail.</summary>
    public string? UnsubscribeUrl { get; private set; }

    public MessageStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>While a dispatcher holds the message; an expired lease (a node died) makes it due again.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>What the last failure said (the server's answer, never the body or the address).</summary>
    public string? LastError { get; private set; }

    public static OutboxMessage Create(
        Guid? requestId, MessageChannel channel, MessageEvent @event, string language, string recipient, string? subject, string body, string? htmlBody,
        string? unsubscribeUrl, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        RequestId = requestId,
        Channel = channel,
        Event = @event,
        Language = language,
        Recipient = recipient,
        Subject = subject,
        Body = body,
        HtmlBody = htmlBody,
        UnsubscribeUrl = unsubscribeUrl,
        Status = MessageStatus.Queued,
        CreatedAt = at.ToUniversalTime(),
        NextAttemptAt = at.ToUniversalTime(),
    };

    /// <summary>The wait after the <paramref name="attempts"/>-th failure: 1, 3, 9, 27, 81, 243 minutes, then 6 hours.</summary>
    public static TimeSpan RetryAfter(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(LongestRetry.TotalMinutes, FirstRetry.TotalMinutes * Math.Pow(3, Math.Max(0, attempts - 1))));

    public bool CanRetry => Status is MessageStatus.GivenUp or MessageStatus.Failed && Body is not null && Recipient is not null;

    /// <summary>An administrator's "send again": a new round of attempts, due now.</summary>
    public void Retry(DateTimeOffset now)
    {
        Status = MessageStatus.Queued;
        Attempts = 0;
        NextAttemptAt = now.ToUniversalTime();
        LeaseUntil = null;
    }

    /// <summary>Unsubscribed, or the request erased: what is still to be sent is not, and what identifies the citizen goes.</summary>
    public void Stop(bool erase)
    {
        if (Status is MessageStatus.Queued or MessageStatus.Failed or MessageStatus.GivenUp)
        {
            Status = MessageStatus.Stopped;
            Body = HtmlBody = null;
        }
        if (erase)
        {
            Recipient = Subject = Body = HtmlBody = UnsubscribeUrl = null;
        }
    }
}
