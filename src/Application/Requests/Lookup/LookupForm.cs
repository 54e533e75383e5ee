using CctvRequests.Application.Common;
using CctvRequests.Application.Requests.Submit;
using CctvRequests.Domain.Common;
using FluentValidation;

namespace CctvRequests.Application.Requests.Lookup;

/// <summary>The lookup box as typed: a national ID, or a passport number with its country.</summary>
/// <param name="NationalId">13 digits; Thai digits, spaces and dashes are accepted.</param>
/// <param name="PassportNumber">Instead of a national ID: the passport number the request was filed with.</param>
/// <param name="PassportCountry">With a passport number: ISO 3166-1 alpha-3 of the issuing country, e.g. GBR.</param>
public sealed record LookupForm(string? NationalId, string? PassportNumber = null, string? PassportCountry = null)
{
    /// <summary>After <see cref="LookupFormValidator"/> passed: the one parse.</summary>
    public LookupRequestsQuery ToQuery() => new(string.IsNullOrWhiteSpace(NationalId)
        ? IdentityDocument.Of(Domain.Common.PassportNumber.Parse(PassportNumber!), Countries.Find(PassportCountry!.Trim())!)
        : IdentityDocument.Of(Domain.Common.NationalId.Parse(NationalId)));

    public override string ToString() => nameof(LookupForm);
}

public sealed class LookupFormValidator : AbstractValidator<LookupForm>
{
    public LookupFormValidator() => RuleFor(x => x).Custom((form, context) =>
    {
        var hasPassport = !string.IsNullOrWhiteSpace(form.PassportNumber) || !string.IsNullOrWhiteSpace(form.PassportCountry);
        (string Field, Text Message)? failure = (string.IsNullOrWhiteSpace(form.NationalId), hasPassport) switch
        {
            (false, true) => (SubmissionFields.PassportNumber.Name, IdentityRules.Both),
            (true, false) => (SubmissionFields.NationalId.Name, SubmissionFields.NationalId.RequiredMessage),
            (false, false) => IdentityRules.NationalIdError(form.NationalId!) is { } error ? (SubmissionFields.NationalId.Name, error) : null,
            (true, true) => IdentityRules.PassportError(form.PassportNumber, form.PassportCountry, nationality: null) is { } e ? (e.Field.Name, e.Message) : null,
        };
        if (failure is { } f)
        {
            context.AddFailure(f.Field, Lang.Of(f.Message));
        }
    });
}
