using System.Diagnostics.CodeAnalysis;

namespace CctvRequests.Domain.Common;

/// <summary>
/// A complete Thai phone number: mobile 10 digits starting 06, 08 or 09; landline 9 digits
/// starting 02-07; or either in the +66 form. Stored as E.164 (<c>+66812345678</c>).
/// <see cref="ToString"/> is masked so a number never reaches a log by accident.
/// </summary>
public sealed class ThaiPhoneNumber : IEquatable<ThaiPhoneNumber>
{
    public const int MaxInputLength = 30;
    private const string Separators = "-()./\u2010\u2011\u2012\u2013\u2014";

    private ThaiPhoneNumber(string e164) => E164 = e164;

    public string E164 { get; }

    /// <summary>The phone of an erased request: no number at all.</summary>
    public static readonly ThaiPhoneNumber Erased = new(string.Empty);

    public bool IsErased => E164.Length == 0;

    public bool IsMobile => !IsErased && E164[3] is '6' or '8' or '9';

    public static bool TryParse(string? input, [NotNullWhen(true)] out ThaiPhoneNumber? phone)
    {
        phone = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxInputLength)
        {
            return false;
        }
        var compact = ThaiDigits.StripSeparators(input, Separators);
        string national;
        if (compact.StartsWith("+66", StringComparison.Ordinal))
        {
            national = "0" + compact[3..];
        }
        else
        {
            national = compact;
        }
        if (!ThaiDigits.AllAscii(national) || national[0] != '0' || national.Length < 2)
        {
            return false;
        }
        var isMobile = national[1] is '6' or '8' or '9' && national.Length == 10;
        var isLandline = national[1] is >= '2' and <= '7' && national.Length == 9;
        if (!isMobile && !isLandline)
        {
            return false;
        }
        phone = new ThaiPhoneNumber("+66" + national[1..]);
        return true;
    }

    public static ThaiPhoneNumber Parse(string input) =>
        TryParse(input, out var phone)
            ? phone
            : throw new DomainException("phone.invalid", new Text("หมายเลขโทรศัพท์ไม่ถูกต้อง", "The phone number is not a complete Thai number."));

    /// <summary>Restores a stored E.164 value.</summary>
    public static ThaiPhoneNumber FromE164(string e164) => e164.Length == 0 ? Erased : Parse(e164);

    /// <summary>The national form as Thais write it: <c>081-234-5678</c>, <c>02-123-4567</c>, <c>054-237600</c>.</summary>
    public string National
    {
        get
        {
            if (IsErased)
            {
                return string.Empty;
            }
            var n = "0" + E164[3..];
            if (n.Length == 10)
            {
                return $"{n[..3]}-{n.Substring(3, 3)}-{n[6..]}";
            }
            return n[1] == '2' ? $"{n[..2]}-{n.Substring(2, 3)}-{n[5..]}" : $"{n[..3]}-{n[3..]}";
        }
    }

    public string Masked => IsErased ? string.Empty : $"xxx-xxx-{E164[^4..]}";

    public override string ToString() => Masked;

    public bool Equals(ThaiPhoneNumber? other) => other is not null && other.E164 == E164;

    public override bool Equals(object? obj) => obj is ThaiPhoneNumber other && Equals(other);

    public override int GetHashCode() => E164.GetHashCode(StringComparison.Ordinal);
}
