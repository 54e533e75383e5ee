using System.Security.Cryptography;
using CctvRequests.Application.Abstractions;
using CctvRequests.Infrastructure.Links;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure.Notifications;

/// <summary>
/// Links in messages, from the public base URL (never a request's Host). The status token is kept with Data
/// Protection (keys in PostgreSQL, shared by every node); the unsubscribe token is the request's id protected for
/// that purpose only, so it opens nothing but "stop the messages about this request". The status link keeps its
/// token in the fragment; the one-click unsubscribe address must carry its token in the query (RFC 8058), the
/// page's address in the fragment.
/// </summary>
public sealed class NotificationLinks(IDataProtectionProvider protection, IOptions<AppOptions> app) : INotificationLinks
{
    public const string UnsubscribePath = "/api/notifications/unsubscribe";
    public const string UnsubscribePage = "/unsubscribe";

    private readonly IDataProtector _tokens = protection.CreateProtector("CctvRequests.Notifications.StatusToken.v1");
    private readonly IDataProtector _unsubscribe = protection.CreateProtector("CctvRequests.Notifications.Unsubscribe.v1");

    private string Base => app.Value.PublicBaseUrl.TrimEnd('/');

    public string ProtectStatusToken(string token) => _tokens.Protect(token);

    public string? StatusToken(string? protectedToken)
    {
        if (string.IsNullOrEmpty(protectedToken))
        {
            return null;
        }
        try
        {
            return _tokens.Unprotect(protectedToken);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public string ShortStatusUrl(string token) => $"{Base}/s#{token}";

    public string UnsubscribeUrl(Guid requestId) => $"{Base}{UnsubscribePath}?t={UnsubscribeToken(requestId)}";

    public string UnsubscribePageUrl(Guid requestId) => $"{Base}{UnsubscribePage}#t={UnsubscribeToken(requestId)}";

    public Guid? RequestOfUnsubscribeToken(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 500)
        {
            return null;
        }
        try
        {
            return Guid.TryParseExact(_unsubscribe.Unprotect(token.Trim()), "N", out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private string UnsubscribeToken(Guid requestId) => _unsubscribe.Protect(requestId.ToString("N"));
}
