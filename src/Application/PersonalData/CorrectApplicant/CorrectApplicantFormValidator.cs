using CctvRequests.Application.Common;
using CctvRequests.Application.Requests.Submit;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;

namespace CctvRequests.Application.PersonalData.CorrectApplicant;

/// <summary>The new value follows the same rules as on the citizen's form, each failure named <c>value</c>.</summary>
public sealed class CorrectApplicantFormValidator : AbstractValidator<CorrectApplicantForm>
{
    public const int NoteMax = 500;

    private static readonly Text UnknownField = new("ไม่มีช่องนี้ในข้อมูลผู้ยื่นที่แก้ไขได้", "This is not a field of the applicant that can be corrected.");

    public CorrectApplicantFormValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Field).Must(f => CorrectApplicantForm.FieldOf(f) is not null).Says(UnknownField).OverridePropertyName("field");
        RuleFor(x => x).Custom((form, context) =>
        {
            if (CorrectApplicantForm.FieldOf(form.Field) is { } field && ValueError(field, form.Value) is { } error)
            {
                context.AddFailure("value", Lang.Of(error));
            }
        });
        RuleFor(x => x.Note).StaffText("note", NoteMax, required: null);
    }

    private static Text? ValueError(ApplicantField field, string? raw)
    {
        var form = CorrectApplicantHandler.FormFieldOf(field);
        var value = raw?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return form.RequiredMessage;
        }
        return field switch
        {
            ApplicantField.Age => FormNumbers.TryParseInt(value, out var age) && age >= form.Min && age <= form.Max ? null : form.OutOfRange,
            ApplicantField.Phone => ThaiPhoneNumber.TryParse(value, out _) ? null : form.Invalid,
            _ when value.Length < form.Min => form.TooShort,
            _ when value.Length > form.Max => form.TooLong,
            _ when !TextRules.IsClean(value, form.Multiline) => TextRules.Unclean(form),
            ApplicantField.Title or ApplicantField.FirstName or ApplicantField.LastName when !NameRules.IsName(value) => form.Invalid,
            _ => null,
        };
    }
}
