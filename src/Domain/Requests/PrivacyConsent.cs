using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Requests;

/// <summary>
/// Proof of what the citizen agreed to: the notice version, the SHA-256 of the exact text shown
/// and the language it was shown in, and when.
/// </summary>
public sealed class PrivacyConsent
{
    private PrivacyConsent()
    {
        NoticeVersion = TextSha256 = Language = string.Empty;
    }

    public string NoticeVersion { get; private set; }
    public string TextSha256 { get; private set; }
    public string Language { get; private set; }
    public DateTimeOffset AcceptedAt { get; private set; }

    public static PrivacyConsent Create(string noticeVersion, string textSha256, string language, DateTimeOffset acceptedAt)
    {
        if (textSha256.Length != 64)
        {
            throw new DomainException("consent.hash", new Text("การยินยอมต้องมีค่า SHA-256 ของข้อความนโยบาย", "The consent needs the SHA-256 of the notice text."));
        }
        return new PrivacyConsent
        {
            NoticeVersion = Guard.Text(noticeVersion, nameof(noticeVersion), 1, RequestLimits.NoticeVersionMax),
            TextSha256 = textSha256,
            Language = language is "th" or "en" ? language : "th",
            AcceptedAt = acceptedAt.ToUniversalTime(),
        };
    }
}
