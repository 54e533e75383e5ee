using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using FluentValidation;
using FluentValidation.Results;
using F = CctvRequests.Application.Requests.Submit.SubmissionFields;

namespace CctvRequests.Application.Requests.Submit;

/// <summary>
/// Exactly one identity document: a Thai national ID, or (for someone who is not Thai) a passport
/// number with its issuing country. Each failure names the field to fix.
/// </summary>
public static class IdentityRules
{
    public static readonly Text Both = new(
        "กรุณากรอกเลขบัตรประชาชน หรือเลขหนังสือเดินทาง อย่างใดอย่างหนึ่งเท่านั้น",
        "Please give either a national ID number or a passport number, not both.");

    public static readonly Text NationalIdLength = new(
        $"กรุณากรอกเลขบัตรประชาชนให้ครบ {Domain.Common.NationalId.Length} หลัก", $"Please enter all {Domain.Common.NationalId.Length} digits of the national ID.");

    public static readonly Text ThaiUseNationalId = new(
        "ผู้มีสัญชาติไทยกรุณากรอกเลขบัตรประชาชนแทนเลขหนังสือเดินทาง", "Thai nationals please give their national ID number instead of a passport.");

    /// <summary>What people type for "Thai" in the nationality field; the page uses the same list.</summary>
    public static readonly IReadOnlyList<string> ThaiNationalityWords = ["ไทย", "thai", "thailand", "tha", "th"];

    public static bool IsThaiNationality(string? nationality) =>
        nationality is not null && ThaiNationalityWords.Contains(nationality.Trim().ToLowerInvariant(), StringComparer.Ordinal);

    public static void Check(SubmittedForm form, ValidationContext<SubmittedForm> context)
    {
        var hasPassport = form.Has(F.PassportNumber) || form.Has(F.PassportCountry);
        if (form.Has(F.NationalId))
        {
            if (hasPassport)
            {
                Fail(context, F.PassportNumber, Both);
            }
            else if (NationalIdError(form[F.NationalId]!) is { } error)
            {
                Fail(context, F.NationalId, error);
            }
            return;
        }
        if (!hasPassport)
        {
            Fail(context, F.NationalId, F.NationalId.RequiredMessage);
            return;
        }
        if (PassportError(form[F.PassportNumber], form[F.PassportCountry], form[F.Nationality]) is { } passportError)
        {
            Fail(context, passportError.Field, passportError.Message);
        }
    }

    /// <summary>The national ID's problem, or null when it is a valid ID.</summary>
    public static Text? NationalIdError(string value)
    {
        var digits = Domain.Common.NationalId.Normalize(value);
        if (digits.Length != Domain.Common.NationalId.Length || !ThaiDigits.AllAscii(digits))
        {
            return NationalIdLength;
        }
        return Domain.Common.NationalId.TryParse(value, out _) ? null : F.NationalId.Invalid;
    }

    /// <summary>The passport's problem and the field it belongs to, or null.</summary>
    public static (FormField Field, Text Message)? PassportError(string? number, string? country, string? nationality)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return (F.PassportNumber, F.PassportNumber.RequiredMessage);
        }
        if (!Domain.Common.PassportNumber.TryParse(number, out _))
        {
            return (F.PassportNumber, F.PassportNumber.Invalid);
        }
        if (string.IsNullOrWhiteSpace(country))
        {
            return (F.PassportCountry, F.PassportCountry.RequiredMessage);
        }
        var issuer = Countries.Find(country.Trim());
        if (issuer is null)
        {
            return (F.PassportCountry, F.PassportCountry.Invalid);
        }
        if (issuer.Alpha3 == Countries.Thailand || IsThaiNationality(nationality))
        {
            return (F.PassportNumber, ThaiUseNationalId);
        }
        return null;
    }

    private static void Fail(ValidationContext<SubmittedForm> context, FormField field, Text message) =>
        context.AddFailure(new ValidationFailure(field.Name, Lang.Of(message)));
}
