using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Requests;

/// <summary>
/// How the citizen asked to hear back (SPEC decision 15): an e-mail address, a tick for SMS to the request's
/// phone (messages are in the language of the form, <see cref="PrivacyConsent.Language"/>). Nothing is required. The status token is kept encrypted only when some
/// channel was asked for, so each message can carry the citizen's own status link. The citizen may stop the
/// messages (unsubscribe); erasure removes all of it.
/// </summary>
public sealed class NotificationPreferences
{
    public const int ProtectedTokenMax = 1000;

    private NotificationPreferences()
    {
    }

    public string? Email { get; private set; }

    public bool BySms { get; private set; }

    /// <summary>The status token, encrypted by the application (Data Protection), for the links in messages.</summary>
    public string? ProtectedStatusToken { get; private set; }

    /// <summary>When the citizen stopped the messages; none is sent after it.</summary>
    public DateTimeOffset? StoppedAt { get; private set; }

    public bool Wanted => (Email is not null || BySms) && StoppedAt is null;

    public static NotificationPreferences Of(EmailAddress? email, bool bySms, string? protectedStatusToken) => new()
    {
        Email = email?.Value,
        BySms = bySms,
        ProtectedStatusToken = email is null && !bySms ? null
            : Guard.Text(protectedStatusToken ?? string.Empty, nameof(protectedStatusToken), 1, ProtectedTokenMax),
    };

    public static NotificationPreferences None => Of(null, false, null);

    internal void Stop(DateTimeOffset at) => StoppedAt ??= at.ToUniversalTime();

    internal void Erase()
    {
        Email = null;
        BySms = false;
        ProtectedStatusToken = null;
    }
}
