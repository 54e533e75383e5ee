using System.Security.Cryptography;
using System.Text;

namespace CctvRequests.Domain.Privacy;

/// <summary>
/// A published version of the organization's privacy notice (นโยบายความเป็นส่วนตัว). Content, not
/// code: it is loaded from the content folder into the database, and a consent points at its
/// version and the hash of the text shown.
/// </summary>
public sealed class PrivacyNotice
{
    public const int VersionMax = 50;

    private PrivacyNotice()
    {
        Version = Text = TextEn = string.Empty;
    }

    public string Version { get; private set; }
    public string Text { get; private set; }
    public string TextEn { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }

    public static PrivacyNotice Create(string version, string text, string textEn, DateTimeOffset publishedAt) => new()
    {
        Version = version,
        Text = text,
        TextEn = textEn,
        PublishedAt = publishedAt.ToUniversalTime(),
    };

    public string TextIn(string language) => language == "en" ? TextEn : Text;

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text in the given language.</summary>
    public string Sha256Of(string language) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TextIn(language))));
}
