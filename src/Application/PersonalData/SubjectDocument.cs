using CctvRequests.Application.Common;
using CctvRequests.Application.Requests.Submit;
using CctvRequests.Domain.Common;
using FluentValidation;

namespace CctvRequests.Application.PersonalData;

/// <summary>Whose data: a national ID, or a passport number with its country (the lookup's rules).</summary>
public interface ISubjectDocument
{
    string? NationalId { get; }

    string? PassportNumber { get; }

    string? PassportCountry { get; }
}

public static class SubjectDocuments
{
    /// <summary>After validation: the one parse.</summary>
    public static IdentityDocument Document(this ISubjectDocument form) => string.IsNullOrWhiteSpace(form.NationalId)
        ? IdentityDocument.Of(Domain.Common.PassportNumber.Parse(form.PassportNumber!), Countries.Find(form.PassportCountry!.Trim())!)
        : IdentityDocument.Of(Domain.Common.NationalId.Parse(form.NationalId));

    /// <summary>The lookup's rules: exactly one document, well formed, each mistake named.</summary>
    public static void DocumentRules<T>(this AbstractValidator<T> validator)
        where T : ISubjectDocument =>
        validator.RuleFor(x => x).Custom((form, context) =>
        {
            var hasPassport = !string.IsNullOrWhiteSpace(form.PassportNumber) || !string.IsNullOrWhiteSpace(form.PassportCountry);
            (string Field, Domain.Common.Text Message)? failure = (string.IsNullOrWhiteSpace(form.NationalId), hasPassport) switch
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

    /// <summary>What a staff screen may show of the document: <c>เลขประจำตัวประชาชน 1-1120-xxxxx-xx-2</c>.</summary>
    public static string Label(IdentityDocument document) => document.Kind == IdentityDocumentKind.NationalId
        ? $"{Lang.Of(SubmissionFields.NationalId.Label)} {document.Masked}"
        : $"{Lang.Of(SubmissionFields.PassportNumber.Label)} {document.Masked}";
}
