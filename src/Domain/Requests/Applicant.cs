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

    public string FullName => IsErased ? string.Empty : $"{Title}{FirstName} {LastName}";

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

    /// <summary>Everything that identified the person, gone; only the kind of document stays (for statistics).</summary>
    public static Applicant Erased(IdentityDocumentKind kind) => new()
    {
        Identity = IdentityDocument.Erased(kind),
        Age = 0,
        Ethnicity = null,
        Phone = ThaiPhoneNumber.Erased,
    };

    public bool IsErased => Identity.IsErased;

    /// <summary>One field corrected in place (PDPA s.35), checked as on the form; the document never changes here.</summary>
    public void Correct(ApplicantField field, string value)
    {
        var corrected = With(field, value);
        Title = corrected.Title;
        FirstName = corrected.FirstName;
        LastName = corrected.LastName;
        Age = corrected.Age;
        Ethnicity = corrected.Ethnicity;
        Nationality = corrected.Nationality;
        Address = corrected.Address;
        Phone = corrected.Phone;
    }

    /// <summary>The same person with one field corrected, checked as on the form.</summary>
    private Applicant With(ApplicantField field, string value)
    {
        var v = value.Trim();
        return field switch
        {
            ApplicantField.Title => Create(v, FirstName, LastName, Identity, Age, Ethnicity, Nationality, Address, Phone),
            ApplicantField.FirstName => Create(Title, v, LastName, Identity, Age, Ethnicity, Nationality, Address, Phone),
            ApplicantField.LastName => Create(Title, FirstName, v, Identity, Age, Ethnicity, Nationality, Address, Phone),
            ApplicantField.Age => Create(Title, FirstName, LastName, Identity,
                int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var age) ? age : -1,
                Ethnicity, Nationality, Address, Phone),
            ApplicantField.Ethnicity => Create(Title, FirstName, LastName, Identity, Age, v, Nationality, Address, Phone),
            ApplicantField.Nationality => Create(Title, FirstName, LastName, Identity, Age, Ethnicity, v, Address, Phone),
            ApplicantField.Address => Create(Title, FirstName, LastName, Identity, Age, Ethnicity, Nationality, v, Phone),
            ApplicantField.Phone => Create(Title, FirstName, LastName, Identity, Age, Ethnicity, Nationality, Address, ThaiPhoneNumber.Parse(v)),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }

    /// <summary>What a citizen-facing page may show: <c>นายสม*** ใจ***</c>.</summary>
    public string MaskedName => IsErased ? string.Empty : Masked(Title, FirstName, LastName);

    /// <summary>The masked name from its parts, for a read that projects columns instead of loading the request.</summary>
    public static string Masked(string title, string firstName, string lastName) =>
        $"{title}{Mask.KeepStart(firstName, 2)} {Mask.KeepStart(lastName, 2)}";

    /// <summary>Never print the fields: they identify a person.</summary>
    public override string ToString() => nameof(Applicant);
}

/// <summary>The fields of the applicant a data subject may have corrected.</summary>
public enum ApplicantField
{
    Title,
    FirstName,
    LastName,
    Age,
    Ethnicity,
    Nationality,
    Address,
    Phone,
}
