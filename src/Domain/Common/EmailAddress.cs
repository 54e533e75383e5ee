using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace CctvRequests.Domain.Common;

/// <summary>
/// An e-mail address a citizen gives for news of the request: the HTML form's own rule (WHATWG "valid e-mail
/// address"), ASCII only (an internationalised domain is written in its xn-- form), at most 254 characters
/// with a local part of at most 64, a domain with a dot. Nothing that could end a mail header (no CR, LF,
/// space, comma or angle bracket) gets through. Surrounding spaces are trimmed; the domain is lower-cased.
/// <see cref="ToString"/> is masked so an address never reaches a log.
/// </summary>
public sealed partial class EmailAddress : IEquatable<EmailAddress>
{
    public const int MaxLength = 254;
    public const int LocalMax = 64;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? input, [NotNullWhen(true)] out EmailAddress? email)
    {
        email = null;
        var value = input?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || !Pattern().IsMatch(value))
        {
            return false;
        }
        var at = value.LastIndexOf('@');
        if (at > LocalMax)
        {
            return false;
        }
        email = new EmailAddress(value[..at] + "@" + value[(at + 1)..].ToLowerInvariant());
        return true;
    }

    /// <summary><c>so****@example.com</c>: enough for staff to tell two addresses apart, not to write to one.</summary>
    public string Masked => Mask(Value);

    public static string Mask(string value)
    {
        var at = value.LastIndexOf('@');
        return at <= 0 ? "****" : value[..Math.Min(2, at)] + "****" + value[at..];
    }

    public override string ToString() => Masked;

    public bool Equals(EmailAddress? other) => other is not null && other.Value == Value;

    public override bool Equals(object? obj) => obj is EmailAddress other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
