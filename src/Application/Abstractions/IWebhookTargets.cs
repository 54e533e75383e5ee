using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Abstractions;

/// <summary>
/// Where webhooks may go (ADR 0018): an address whose host resolves only to public addresses, unless an allow-list
/// setting names its network (tests, internal systems). Checked when a webhook is registered and again at each
/// delivery, after DNS resolution, on the connection itself.
/// </summary>
public interface IWebhookTargets
{
    /// <summary>Whether <c>http://</c> is accepted (an installation's setting for internal systems and tests); otherwise HTTPS only.</summary>
    bool AllowsPlainHttp { get; }

    /// <summary>Null when the address may receive webhooks; otherwise why not.</summary>
    Task<Text?> RefusalAsync(Uri url, CancellationToken cancellationToken);

    /// <summary>A new signing secret (<c>whsec_</c> + base64 of 32 random bytes) and its encrypted form to store.</summary>
    (string Secret, string Protected) NewSecret();
}
