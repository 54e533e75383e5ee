using CctvRequests.Application.Notifications;

namespace CctvRequests.Infrastructure.Notifications;

/// <summary>A message as the dispatcher claimed it.</summary>
public sealed record ClaimedMessage(
    Guid Id, MessageChannel Channel, string Language, string? Recipient, string? Subject, string? Body, string? HtmlBody, string? UnsubscribeUrl, int Attempts, Guid? SubscriptionId = null);

/// <summary>What became of one message: sent, or failed (for good, or worth another try).</summary>
public sealed record SendResult(Guid Id, bool Sent, bool Permanent, string? Error)
{
    public static SendResult Ok(Guid id) => new(id, true, false, null);

    public static SendResult Retry(Guid id, string error) => new(id, false, false, error);

    public static SendResult Refused(Guid id, string error) => new(id, false, true, error);
}

/// <summary>One channel's way out.</summary>
public interface IMessageSender
{
    MessageChannel Channel { get; }

    bool Configured { get; }

    /// <summary>
    /// Sends the batch one message at a time and says what became of each as soon as it is known: the dispatcher
    /// marks it before the next one leaves, so a crash repeats at most the message in flight (ADR 0016). Never
    /// throws for a message's failure.
    /// </summary>
    IAsyncEnumerable<SendResult> SendAsync(IReadOnlyList<ClaimedMessage> batch, CancellationToken cancellationToken);
}
