using System.Text.Json.Serialization;
using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Notifications;

/// <summary>
/// One message as staff see it: channel, event, where it is, its attempts and the last error; the address
/// masked, never the body.
/// </summary>
public sealed record MessageDto(
    Guid Id,
    string? ReferenceNumber,
    [property: JsonConverter(typeof(JsonStringEnumConverter<MessageChannel>))] MessageChannel Channel,
    [property: JsonConverter(typeof(JsonStringEnumConverter<MessageEvent>))] MessageEvent Event,
    [property: JsonConverter(typeof(JsonStringEnumConverter<MessageStatus>))] MessageStatus Status,
    string StatusText,
    string? Recipient,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    bool CanRetry);

public static class MessageTexts
{
    public static Text StatusOf(MessageStatus status) => status switch
    {
        MessageStatus.Queued => new("รอส่ง", "Queued"),
        MessageStatus.Failed => new("ส่งไม่สำเร็จ กำลังลองใหม่", "Failed, retrying"),
        MessageStatus.Sent => new("ส่งแล้ว", "Sent"),
        MessageStatus.GivenUp => new("เลิกส่งแล้ว", "Given up"),
        MessageStatus.Stopped => new("ยกเลิกการส่ง", "Stopped"),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Enough to tell two addresses apart, not to write to one.</summary>
    public static string? Masked(MessageChannel channel, string? recipient) => recipient is null ? null
        : channel == MessageChannel.Email ? EmailAddress.Mask(recipient)
        : recipient.Length > 4 ? "xxx-xxx-" + recipient[^4..] : "****";
}
