using System.Diagnostics.CodeAnalysis;

namespace CctvRequests.Domain.Common;

/// <summary>
/// A passport number as printed: 5 to 20 letters and digits (ICAO 9303 allows up to 9 in the
/// machine-readable zone, but some countries print longer ones). Spaces and dashes are dropped
/// and letters upper-cased. <see cref="ToString"/> is masked so a number never reaches a log.
/// </summary>
public sealed class PassportNumber : IEquatable<PassportNumber>
{
    public const int MinLength = 5;
    public const int MaxLength = 20;
    private const string Separators = "-\u2010\u2011\u2012\u2013\u2014.";

    private PassportNumber(string value) => Value = value;

    /// <summary>Upper-case ASCII letters and digits.</summary>
    public string Value { get; }

    public static string Normalize(string input) => ThaiDigits.StripSeparators(input, Separators).ToUpperInvariant();

    public static bool TryParse(string? input, [NotNullWhen(true)] out PassportNumber? passport)
    {
        passport = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxLength * 2)
        {
            return false;
        }
        var value = Normalize(input);
        if (value.Length is < MinLength or > MaxLength || !value.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9')))
        {
            return false;
        }
        passport = new PassportNumber(value);
        return true;
    }

    public static PassportNumber Parse(string input) =>
        TryParse(input, out var passport)
            ? passport
            : throw new DomainException("passport.invalid", new Text(
                $"เลขหนังสือเดินทางต้องเป็นตัวอักษรภาษาอังกฤษหรือตัวเลข {MinLength} ถึง {MaxLength} ตัว",
                $"A passport number has {MinLength} to {MaxLength} letters and digits."));

    /// <summary>The last three characters only: <c>******567</c>.</summary>
    public string Masked => new string('*', Math.Max(0, Value.Length - 3)) + Value[^3..];

    public override string ToString() => Masked;

    public bool Equals(PassportNumber? other) => other is not null && other.Value == Value;

    public override bool Equals(object? obj) => obj is PassportNumber other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
}
