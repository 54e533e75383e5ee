using Microsoft.Extensions.Compliance.Classification;

namespace CctvRequests.Application.Common;

/// <summary>
/// The data classes of this system, for <c>Microsoft.Extensions.Compliance.Redaction</c>: a log
/// parameter marked <see cref="PersonalDataAttribute"/> is erased before any log provider sees it,
/// whatever the layer or the provider.
/// </summary>
public static class DataTaxonomy
{
    public const string Name = "CctvRequests";

    /// <summary>Anything that identifies a citizen or a staff member: ID and passport numbers, names, phones, addresses, e-mail addresses.</summary>
    public static DataClassification PersonalData => new(Name, nameof(PersonalData));
}

[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PersonalDataAttribute : DataClassificationAttribute
{
    public PersonalDataAttribute()
        : base(DataTaxonomy.PersonalData)
    {
    }
}
