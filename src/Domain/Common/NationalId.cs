using System.Diagnostics.CodeAnalysis;

namespace CctvRequests.Domain.Common;

/// <summary>
/// A Thai national ID (เลขประจำตัวประชาชน): 13 digits, first digit 0-8, last digit a check digit
/// (sum of digit i times 13 - i over the first 12, check = (11 - sum mod 11) mod 10).
/// <see cref="ToString"/> is masked so an ID never reaches a log by accident.
/// </summary>
public sealed class NationalId : IEquatable<NationalId>
{
    public const int Length = 13;
    private const string Separators = "-\u2010\u2011\u2012\u2013\u2014.";

    private NationalId(string value) => Value = value;

    /// <summary>The 13 ASCII digits.</summary>
    public string Value { get; }

    /// <summary>Thai digits become ASCII; spaces and dashes are removed. Anything else is kept, so it fails the check.</summary>
    public static string Normalize(string input) => ThaiDigits.StripSeparators(input, Separators);

    public static bool TryParse(string? input, [NotNullWhen(true)] out NationalId? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }
        var digits = Normalize(input);
        if (digits.Length != Length || !ThaiDigits.AllAscii(digits) || digits[0] == '9' || !HasValidCheckDigit(digits))
        {
            return false;
        }
        id = new NationalId(digits);
        return true;
    }

    public static NationalId Parse(string input) =>
        TryParse(input, out var id)
            ? id
            : throw new DomainException("national_id.invalid", new Text("เลขบัตรประชาชนไม่ถูกต้อง", "The national ID is not a valid Thai national ID."));

    /// <summary>The check digit over 13 ASCII digits.</summary>
    public static bool HasValidCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (digits[i] - '0') * (13 - i);
        }
        return (11 - sum % 11) % 10 == digits[12] - '0';
    }

    /// <summary>Shows only the last four digits: <c>x-xxxx-xxxxx-56-2</c>.</summary>
    public string Masked => $"x-xxxx-xxxxx-{Value.Substring(10, 2)}-{Value[12]}";

    /// <summary>The usual printed form <c>1-1120-34563-56-2</c>, for staff screens and the paper form.</summary>
    public string Formatted => $"{Value[0]}-{Value.Substring(1, 4)}-{Value.Substring(5, 5)}-{Value.Substring(10, 2)}-{Value[12]}";

    public override string ToString() => Masked;

    public bool Equals(NationalId? other) => other is not null && other.Value == Value;

    public override bool Equals(object? obj) => obj is NationalId other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
}
