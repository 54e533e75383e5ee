using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Requests;

/// <summary>The person filing the request, as they state themselves on the form.</summary>
public sealed class Applicant
{
    private Applicant()
    {
        Title = FirstName = LastName = Nationality = Address = string.Empty;
        Identity = null!;
        Phone = null!;
    }

    public string Title { get; private set; }
    public string FirstName { get; private set; }
    public string LastName { get; private set; }

    /// <summary>A Thai national ID, or a passport with its country (SPEC §8.10).</summary>
    public IdentityDocument Identity { get; private set; }

    public int Age { get; private set; }

    /// <summary>Optional: ethnicity is sensitive data under PDPA s.26, so it is never required.</summary>
    public string? Ethnicity { get; private set; }

    public string Nationality { get; private set; }
    public string Address { get; private set; }
    public ThaiPhoneNumber Phone { get; private set; }

    public string FullName => $"{Title}{FirstName} {LastName}";

    public static Applicant Create(
        string title, string firstName, string lastName, IdentityDocument identity, int age,
        string? ethnicity, string nationality, string address, ThaiPhoneNumber phone)
    {
        return new Applicant
        {
            Title = Guard.Text(title, nameof(title), 1, RequestLimits.TitleMax),
            FirstName = Guard.Text(firstName, nameof(firstName), 1, RequestLimits.NameMax),
            LastName = Guard.Text(lastName, nameof(lastName), 1, RequestLimits.NameMax),
            Identity = identity,
            Age = age is >= RequestLimits.AgeMin and <= RequestLimits.AgeMax
                ? age
                : throw new DomainException("age.range", RequestTexts.AgeRange),
            Ethnicity = string.IsNullOrWhiteSpace(ethnicity) ? null : Guard.Text(ethnicity, nameof(ethnicity), 1, RequestLimits.EthnicityMax),
            Nationality = Guard.Text(nationality, nameof(nationality), 1, RequestLimits.NationalityMax),
            Address = Guard.Text(address, nameof(address), RequestLimits.AddressMin, RequestLimits.AddressMax),
            Phone = phone,
        };
    }

    /// <summary>What a citizen-facing page may show: <c>นายสม*** ใจ***</c>.</summary>
    public string MaskedName => $"{Title}{Mask.KeepStart(FirstName, 2)} {Mask.KeepStart(LastName, 2)}";

    /// <summary>Never print the fields: they identify a person.</summary>
    public override string ToString() => nameof(Applicant);
}
