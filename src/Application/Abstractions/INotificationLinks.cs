namespace CctvRequests.Application.Abstractions;

/// <summary>
/// The links a message carries: the citizen's status link (its token kept encrypted with the request, never
/// in clear), a short form of it for SMS, and the address that stops messages about one request.
/// </summary>
public interface INotificationLinks
{
    /// <summary>The status token encrypted for keeping with the request.</summary>
    string ProtectStatusToken(string token);

    /// <summary>The status token back, or null when there is none or it cannot be read (keys lost).</summary>
    string? StatusToken(string? protectedToken);

    /// <summary><c>https://host/s#token</c>: the status page, short enough for an SMS.</summary>
    string ShortStatusUrl(string token);

    /// <summary>The one-click unsubscribe target (RFC 8058: a POST to it stops the messages).</summary>
    string UnsubscribeUrl(Guid requestId);

    /// <summary>The page a person opens to stop the messages (it asks before it stops them).</summary>
    string UnsubscribePageUrl(Guid requestId);

    /// <summary>The request an unsubscribe token names, or null when it is not one of ours.</summary>
    Guid? RequestOfUnsubscribeToken(string? token);
}
