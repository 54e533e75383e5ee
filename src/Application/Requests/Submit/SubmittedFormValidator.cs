using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using F = CctvRequests.Application.Requests.Submit.SubmissionFields;

namespace CctvRequests.Application.Requests.Submit;

/// <summary>
/// Every rule of the citizen's form, each failing alone with its own message, all read from the
/// fields table. Built once (a singleton): what needs the database is <see cref="SubmittedFormReferencesValidator"/>.
/// </summary>
public sealed class SubmittedFormValidator : AbstractValidator<SubmittedForm>
{
    public SubmittedFormValidator(TimeProvider clock, ISubmissionSettings settings)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        var today = () => BangkokTime.Today(clock);

        Date(F.WrittenOn)
            .Must(v => Parsed(v) <= today()).Says(RequestTexts.WrittenOnFuture)
            .Must(v => Parsed(v) >= today().AddDays(-RequestTexts.WrittenOnDaysBack)).Says(RequestTexts.WrittenOnTooOld);
        Text(F.Title).Must(NameRules.IsName).Says(F.Title.Invalid);
        Text(F.FirstName).Must(NameRules.IsName).Says(F.FirstName.Invalid);
        Text(F.LastName).Must(NameRules.IsName).Says(F.LastName.Invalid);
        RuleFor(x => x).Custom(IdentityRules.Check);
        Integer(F.Age);
        Text(F.Ethnicity);
        Text(F.Nationality);
        Text(F.Address);
        Text(F.Phone).Must(v => ThaiPhoneNumber.TryParse(v, out _)).Says(F.Phone.Invalid);
        Value(F.NotifyBySms, required: false)
            .Must(v => string.IsNullOrWhiteSpace(v) || ParseBoolean(v) is not null).Says(F.NotifyBySms.Invalid)
            .Must(v => ParseBoolean(v) != true || settings.SmsNotifications).Says(F.NotifyBySms.Unavailable!)
            .Must((x, v) => ParseBoolean(v) != true || !ThaiPhoneNumber.TryParse(x[F.Phone], out var phone) || phone.IsMobile).Says(RequestTexts.SmsNeedsMobile);
        Value(F.Email, required: false)
            .Must(v => string.IsNullOrWhiteSpace(v) || EmailAddress.TryParse(v, out _)).Says(F.Email.Invalid)
            .Must(v => string.IsNullOrWhiteSpace(v) || settings.EmailNotifications).Says(F.Email.Unavailable!);
        Required(F.Purpose).Must(v => ParsePurpose(v) is not null).Says(F.Purpose.Invalid);
        Integer(F.FileCount, required: true).When(x => ParsePurpose(x[F.Purpose]) == Domain.Requests.Purpose.Copy);
        Integer(F.StationId);
        Date(F.IncidentDate)
            .Must(v => Parsed(v) <= today()).Says(RequestTexts.IncidentFuture)
            .Must(v => Parsed(v) >= today().AddDays(-RequestTexts.IncidentDaysBack)).Says(RequestTexts.IncidentTooOld)
            .Must((x, v) => !ThaiDates.TryParseIsoDate(x[F.WrittenOn], out var written) || Parsed(v) <= written).Says(RequestTexts.IncidentAfterWritten);
        Required(F.IncidentTime).Must(v => ThaiDates.TryParseTime(v, out _)).Says(F.IncidentTime.Invalid);
        Text(F.Reason);
        Value(F.PrivacyAccepted, required: false)
            .Must(v => string.Equals(v?.Trim(), "true", StringComparison.OrdinalIgnoreCase)).Says(F.PrivacyAccepted.RequiredMessage);
        Text(F.PrivacyNoticeVersion);

        File(F.IdCardCopy);
        File(F.PoliceReport).When(_ => settings.PoliceReportRequired);
        RuleFor(x => x.FilesOf(F.OtherDocuments))
            .Must(v => v.Count <= F.OtherDocuments.MaxCount).Says(F.OtherDocuments.TooManyFiles)
            .OverridePropertyName(F.OtherDocuments.Name);
        File(F.Signature)
            .Must(s => s!.Image is not null).Says(UploadTexts.SignatureUnreadable)
            .Must(s => s!.Image!.Width <= UploadLimits.MaxSignatureWidth && s.Image.Height <= UploadLimits.MaxSignatureHeight).Says(UploadTexts.SignatureTooBig)
            .Must(s => !s!.Image!.IsBlank).Says(UploadTexts.SignatureBlank);
        // Always sent by the form: how the signature was made is printed on the official form, never guessed.
        Required(F.SignatureMethod).Must(v => ParseSignatureMethod(v) is not null).Says(F.SignatureMethod.Invalid);
    }

    /// <summary>What <see cref="Text"/> accepts, for rules that go on from an accepted value.</summary>
    public static bool IsAcceptedText(FormField field, string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Trim().Length >= field.Min && value.Trim().Length <= field.Max && TextRules.IsClean(value, field.Multiline);

    /// <summary>What <see cref="Integer"/> accepts.</summary>
    public static bool IsAcceptedInteger(FormField field, string? value) =>
        FormNumbers.TryParseInt(value, out var n) && n >= field.Min && n <= field.Max;

    public static Purpose? ParsePurpose(string? value) =>
        Enum.TryParse<Purpose>(value?.Trim(), ignoreCase: true, out var purpose) && Enum.IsDefined(purpose) && !int.TryParse(value, out _)
            ? purpose
            : null;

    /// <summary>A tick as forms send it: true/false (on, 1 and 0 as browsers and scripts do).</summary>
    public static bool? ParseBoolean(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => false,
        "true" or "on" or "1" => true,
        "false" or "off" or "0" => false,
        _ => null,
    };

    public static SignatureMethod? ParseSignatureMethod(string? value) =>
        Enum.TryParse<SignatureMethod>(value?.Trim(), ignoreCase: true, out var method) && Enum.IsDefined(method) && !int.TryParse(value, out _)
            ? method
            : null;

    private static DateOnly Parsed(string? value) => ThaiDates.TryParseIsoDate(value, out var date) ? date : DateOnly.MaxValue;

    /// <summary>The field's rule, named as the contract names it; a missing value fails first when the field is required.</summary>
    private IRuleBuilderOptions<SubmittedForm, string?> Value(FormField field, bool required) =>
        RuleFor(x => x[field])
            .Must(v => !required || !string.IsNullOrWhiteSpace(v)).Says(field.RequiredMessage)
            .OverridePropertyName(field.Name);

    private IRuleBuilderOptions<SubmittedForm, string?> Required(FormField field) => Value(field, required: true);

    /// <summary>Required (unless the table says not), then the table's length limits and clean characters.</summary>
    private IRuleBuilderOptions<SubmittedForm, string?> Text(FormField field) =>
        Value(field, field.Required)
            .Must(v => v is null || v.Trim().Length >= field.Min).Says(field.TooShort)
            .Must(v => v is null || v.Trim().Length <= field.Max).Says(field.TooLong)
            .Must(v => v is null || TextRules.IsClean(v, field.Multiline)).Says(TextRules.Unclean(field));

    private IRuleBuilderOptions<SubmittedForm, string?> Integer(FormField field, bool required = false) =>
        Value(field, field.Required || required)
            .Must(v => string.IsNullOrWhiteSpace(v) || FormNumbers.TryParseInt(v, out _)).Says(field.Invalid)
            .Must(v => string.IsNullOrWhiteSpace(v) || (FormNumbers.TryParseInt(v, out var n) && n >= field.Min && n <= field.Max)).Says(field.OutOfRange);

    private IRuleBuilderOptions<SubmittedForm, string?> Date(FormField field) =>
        Required(field).Must(v => ThaiDates.TryParseIsoDate(v, out _)).Says(field.Invalid);

    private IRuleBuilderOptions<SubmittedForm, StagedFile?> File(FormField field) =>
        RuleFor(x => x.FileOf(field)).NotNull().Says(field.RequiredMessage).OverridePropertyName(field.Name);
}

/// <summary>
/// The two rules of the form that read the database (the station is active, the privacy notice was
/// published), built per request; each runs only when the value passed <see cref="SubmittedFormValidator"/>,
/// so a field still gets one message.
/// </summary>
public sealed class SubmittedFormReferencesValidator : AbstractValidator<SubmittedForm>
{
    public SubmittedFormReferencesValidator(IAppDbContext db)
    {
        RuleFor(x => x[F.StationId])
            .MustAsync(async (v, ct) => FormNumbers.TryParseInt(v, out var id) && await db.Stations.AnyAsync(s => s.Id == id && s.IsActive, ct))
            .Says(F.StationId.Invalid)
            .OverridePropertyName(F.StationId.Name)
            .When(x => SubmittedFormValidator.IsAcceptedInteger(F.StationId, x[F.StationId]));
        RuleFor(x => x[F.PrivacyNoticeVersion])
            .MustAsync((v, ct) => db.PrivacyNotices.AnyAsync(n => n.Version == v!.Trim(), ct))
            .Says(F.PrivacyNoticeVersion.Invalid)
            .OverridePropertyName(F.PrivacyNoticeVersion.Name)
            .When(x => SubmittedFormValidator.IsAcceptedText(F.PrivacyNoticeVersion, x[F.PrivacyNoticeVersion]));
    }
}
