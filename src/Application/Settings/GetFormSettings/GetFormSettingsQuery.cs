using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Application.Organization;
using CctvRequests.Application.Requests;
using CctvRequests.Application.Requests.Submit;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Organization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Settings.GetFormSettings;

/// <summary>
/// Everything the citizen's page needs to apply the server's rules and show the organization: the
/// fields with their limits and messages (in the caller's language), the file limits, whether a
/// police report is required, the current privacy notice version and the organization's profile.
/// </summary>
public sealed record GetFormSettingsQuery : IQuery<FormSettingsDto>;

public sealed record FormSettingsDto(
    bool PoliceReportRequired,
    FormLimitsDto Limits,
    string PrivacyNoticeVersion,
    OrganizationDto Organization,
    int FootageSoonDays,
    IReadOnlyList<FormFieldDto> Fields,
    FileMessagesDto FileMessages,
    IReadOnlyDictionary<string, string> RuleMessages,
    IReadOnlyList<CountryDto> Countries,
    IReadOnlyList<string> ThaiNationalityWords,
    NotificationChannelsDto Notifications);

/// <summary>The ways the installation can tell the citizen of a decision: the form offers only these.</summary>
public sealed record NotificationChannelsDto(bool Email, bool Sms);

public sealed record FormLimitsDto(
    long FileBytes,
    long TotalBytes,
    long SignatureBytes,
    int SignatureWidth,
    int SignatureHeight,
    int OtherDocumentsMax,
    RangeDto FileCount,
    RangeDto Age,
    RangeDto PassportNumber,
    IReadOnlyDictionary<string, RangeDto> TextLengths,
    IReadOnlyList<string> FileTypes,
    DaysBackDto DaysBack);

/// <summary>How many days before today a date may be.</summary>
public sealed record DaysBackDto(int WrittenOn, int IncidentDate);

public sealed record RangeDto(int Min, int Max);

/// <summary>One field of the form; messages are in the caller's language, <c>{name}</c> stands for a file's name; choices for a choice.</summary>
public sealed record FormFieldDto(
    string Name, string Kind, bool Required, int Min, int Max, long MaxBytes, int MaxCount, string Label, IReadOnlyDictionary<string, string> Messages,
    IReadOnlyList<string>? Choices);

public sealed record FileMessagesDto(string WrongType, string TooLarge, string TotalTooLarge, string TooManyOthers);

/// <summary>A passport-issuing country; <c>alpha2</c> lets the browser name it in the reader's language.</summary>
public sealed record CountryDto(string Code, string Alpha2, string NameEn);

public sealed class GetFormSettingsHandler(IAppDbContext db, ISubmissionSettings settings, TimeProvider clock)
    : IQueryHandler<GetFormSettingsQuery, FormSettingsDto>
{
    public async ValueTask<FormSettingsDto> Handle(GetFormSettingsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var version = await db.PrivacyNotices.AsNoTracking().Where(n => n.PublishedAt <= now).OrderByDescending(n => n.PublishedAt)
            .Select(n => n.Version).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        var organization = await db.OrganizationProfiles.AsNoTracking().SingleAsync(o => o.Id == OrganizationProfile.SingletonId, cancellationToken);
        return new FormSettingsDto(
            settings.PoliceReportRequired,
            Limits(),
            version,
            OrganizationDtos.From(organization),
            FootageWarnings.SoonDays,
            SubmissionFields.All.Select(Field).ToList(),
            new FileMessagesDto(Lang.Of(UploadTexts.WrongType), Lang.Of(UploadTexts.TooLarge(UploadLimits.MaxFileBytes)), Lang.Of(UploadTexts.TotalTooLarge), Lang.Of(SubmissionFields.OtherDocuments.TooManyFiles)),
            RuleMessages.ToDictionary(m => m.Key, m => Lang.Of(m.Value)),
            Domain.Common.Countries.All.Select(c => new CountryDto(c.Alpha3, c.Alpha2, c.NameEn)).ToList(),
            IdentityRules.ThaiNationalityWords,
            new NotificationChannelsDto(settings.EmailNotifications, settings.SmsNotifications));
    }

    /// <summary>Rules between fields, which no single field's messages cover.</summary>
    private static readonly Dictionary<string, Text> RuleMessages = new()
    {
        ["writtenOnFuture"] = Domain.Requests.RequestTexts.WrittenOnFuture,
        ["smsNeedsMobile"] = Domain.Requests.RequestTexts.SmsNeedsMobile,
        ["incidentFuture"] = Domain.Requests.RequestTexts.IncidentFuture,
        ["writtenOnTooOld"] = Domain.Requests.RequestTexts.WrittenOnTooOld,
        ["incidentTooOld"] = Domain.Requests.RequestTexts.IncidentTooOld,
        ["incidentAfterWritten"] = Domain.Requests.RequestTexts.IncidentAfterWritten,
        ["identityBoth"] = IdentityRules.Both,
        ["nationalIdLength"] = IdentityRules.NationalIdLength,
        ["thaiUseNationalId"] = IdentityRules.ThaiUseNationalId,
    };

    private static FormLimitsDto Limits() => new(
        UploadLimits.MaxFileBytes,
        UploadLimits.MaxTotalBytes,
        UploadLimits.MaxSignatureBytes,
        UploadLimits.MaxSignatureWidth,
        UploadLimits.MaxSignatureHeight,
        SubmissionFields.OtherDocuments.MaxCount,
        new RangeDto(SubmissionFields.FileCount.Min, SubmissionFields.FileCount.Max),
        new RangeDto(SubmissionFields.Age.Min, SubmissionFields.Age.Max),
        new RangeDto(Domain.Common.PassportNumber.MinLength, Domain.Common.PassportNumber.MaxLength),
        SubmissionFields.All.Where(f => f.Kind == FieldKind.Text).ToDictionary(f => f.Name, f => new RangeDto(f.Min, f.Max)),
        FileTypes.Accepted,
        new DaysBackDto(Domain.Requests.RequestTexts.WrittenOnDaysBack, Domain.Requests.RequestTexts.IncidentDaysBack));

    private static FormFieldDto Field(FormField field)
    {
        var messages = new Dictionary<string, string> { ["required"] = Lang.Of(field.RequiredMessage), ["invalid"] = Lang.Of(field.Invalid) };
        if (field.Kind == FieldKind.Text)
        {
            messages["tooShort"] = Lang.Of(field.TooShort);
            messages["tooLong"] = Lang.Of(field.TooLong);
        }
        if (field.Kind == FieldKind.Integer)
        {
            messages["outOfRange"] = Lang.Of(field.OutOfRange);
        }
        return new FormFieldDto(
            field.Name, field.Kind.ToString(), field.Required, field.Min, field.Max, field.MaxBytes, field.MaxCount, Lang.Of(field.Label), messages, field.Choices);
    }
}
