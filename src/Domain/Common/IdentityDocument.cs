namespace CctvRequests.Domain.Common;

public enum IdentityDocumentKind
{
    /// <summary>เลขประจำตัวประชาชน, 13 digits with a check digit (Thais, and non-Thais who hold one).</summary>
    NationalId,

    /// <summary>A passport number and the country that issued it (SPEC §8.10).</summary>
    Passport,
}

/// <summary>
/// The one document an applicant is identified by, and later finds their requests with: a Thai
/// national ID, or a passport number with its issuing country. <see cref="ToString"/> is masked.
/// </summary>
public sealed class IdentityDocument : IEquatable<IdentityDocument>
{
    public const int NumberMax = PassportNumber.MaxLength;
    public const int CountryLength = 3;

    private IdentityDocument(IdentityDocumentKind kind, string number, string? country)
    {
        Kind = kind;
        Number = number;
        Country = country;
    }

    public IdentityDocumentKind Kind { get; }

    /// <summary>13 ASCII digits, or the normalized passport number.</summary>
    public string Number { get; }

    /// <summary>ISO 3166-1 alpha-3 of the issuing country; null for a national ID.</summary>
    public string? Country { get; }

    public static IdentityDocument Of(NationalId nationalId) => new(IdentityDocumentKind.NationalId, nationalId.Value, null);

    public static IdentityDocument Of(PassportNumber passport, Country country) =>
        new(IdentityDocumentKind.Passport, passport.Value, country.Alpha3);

    /// <summary>Restores a stored document; throws when the stored values break the rules.</summary>
    public static IdentityDocument Restore(IdentityDocumentKind kind, string number, string? country) => number.Length == 0 ? Erased(kind) : kind switch
    {
        IdentityDocumentKind.NationalId => Of(NationalId.Parse(number)),
        IdentityDocumentKind.Passport => Of(
            PassportNumber.Parse(number),
            Countries.Find(country) ?? throw new DomainException("passport.country", new Text("ไม่รู้จักประเทศที่ออกหนังสือเดินทาง", "Unknown passport country."))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The document of an erased request: its kind stays (for statistics), its number and country are gone.</summary>
    public static IdentityDocument Erased(IdentityDocumentKind kind) => new(kind, string.Empty, null);

    public bool IsErased => Number.Length == 0;

    public NationalId? NationalId => Kind == IdentityDocumentKind.NationalId && !IsErased ? Common.NationalId.Parse(Number) : null;

    /// <summary>What a staff screen shows: <c>1-1120-34563-56-2</c> or <c>GBR AB1234567</c>.</summary>
    public string Formatted => IsErased ? string.Empty : Kind == IdentityDocumentKind.NationalId ? NationalId!.Formatted : $"{Country} {Number}";

    public string Masked => IsErased ? string.Empty : Kind == IdentityDocumentKind.NationalId
        ? NationalId!.Masked
        : $"{Country} {new string('*', Math.Max(0, Number.Length - 3))}{Number[^Math.Min(3, Number.Length)..]}";

    public override string ToString() => Masked;

    public bool Equals(IdentityDocument? other) =>
        other is not null && other.Kind == Kind && other.Number == Number && other.Country == Country;

    public override bool Equals(object? obj) => obj is IdentityDocument other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, Number, Country);
}
