using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using F = CctvRequests.Application.Requests.Submit.SubmissionFields;

namespace CctvRequests.Application.Requests.Submit;

/// <summary>
/// The one place the citizen's strings become typed values. It runs after the validator passed;
/// a value that still does not parse is a bug, so it throws instead of falling back to a default.
/// </summary>
public static class SubmittedFormMapping
{
    public static SubmitRequestCommand ToCommand(this SubmittedForm form)
    {
        var purpose = Enum.Parse<Purpose>(Required(form, F.Purpose), ignoreCase: true);
        return new SubmitRequestCommand(
            Date(form, F.WrittenOn),
            Applicant.Create(
                Required(form, F.Title), Required(form, F.FirstName), Required(form, F.LastName), Identity(form), Integer(form, F.Age),
                form[F.Ethnicity]?.Trim(), Required(form, F.Nationality), Required(form, F.Address), ThaiPhoneNumber.Parse(Required(form, F.Phone))),
            purpose,
            purpose == Domain.Requests.Purpose.Copy ? Integer(form, F.FileCount) : null,
            Integer(form, F.StationId),
            Date(form, F.IncidentDate),
            ThaiDates.TryParseTime(form[F.IncidentTime], out var time) ? time : throw NotValidated(F.IncidentTime),
            Required(form, F.Reason),
            Required(form, F.PrivacyNoticeVersion),
            form.Files,
            SubmittedFormValidator.ParseSignatureMethod(form[F.SignatureMethod]) ?? throw NotValidated(F.SignatureMethod))
        {
            IdempotencyKey = form.IdempotencyKey,
            Fingerprint = form.Fingerprint(),
            Email = form.Has(F.Email) ? (EmailAddress.TryParse(form[F.Email], out var email) ? email : throw NotValidated(F.Email)) : null,
            NotifyBySms = SubmittedFormValidator.ParseBoolean(form[F.NotifyBySms]) ?? throw NotValidated(F.NotifyBySms),
        };
    }

    public static IdentityDocument Identity(SubmittedForm form) => form.Has(F.NationalId)
        ? IdentityDocument.Of(Domain.Common.NationalId.Parse(form[F.NationalId]!))
        : IdentityDocument.Of(
            Domain.Common.PassportNumber.Parse(Required(form, F.PassportNumber)),
            Countries.Find(form[F.PassportCountry]?.Trim()) ?? throw NotValidated(F.PassportCountry));

    private static string Required(SubmittedForm form, FormField field) =>
        form.Has(field) ? form[field]!.Trim() : throw NotValidated(field);

    private static DateOnly Date(SubmittedForm form, FormField field) =>
        ThaiDates.TryParseIsoDate(form[field], out var date) ? date : throw NotValidated(field);

    private static int Integer(SubmittedForm form, FormField field) =>
        FormNumbers.TryParseInt(form[field], out var number) ? number : throw NotValidated(field);

    private static InvalidOperationException NotValidated(FormField field) =>
        new($"The form's '{field.Name}' reached the mapping without passing the validator.");
}
