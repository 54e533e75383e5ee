using CctvRequests.Application.Administration;
using CctvRequests.Application.Administration.PublishPrivacyNotice;
using CctvRequests.Application.Files;
using CctvRequests.Application.Integrations;
using CctvRequests.Application.Integrations.RotateApiClientSecret;
using CctvRequests.Application.OnlineCopy;
using CctvRequests.Application.PersonalData.CorrectApplicant;
using CctvRequests.Application.PersonalData.EraseSubject;
using CctvRequests.Application.Audit;
using CctvRequests.Application.PersonalData;
using CctvRequests.Application.Requests;
using CctvRequests.Application.Requests.Submit;
using CctvRequests.Application.Staff;
using CctvRequests.Application.Staff.ListRequests;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Application.Staff.Users;
using CctvRequests.Domain.Appointments;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Organization;
using CctvRequests.Domain.Privacy;
using CctvRequests.Domain.Requests;
using CctvRequests.Domain.Stations;
using Mediator;
using Microsoft.Extensions.Options;

namespace CctvRequests.Application.Settings.GetStaffFormSettings;

/// <summary>
/// What the staff pages need to apply the server's rules, as the citizen's page has
/// <c>/api/form-settings</c>: every staff text field's length, the numbers and choices of the staff
/// forms, and the labels of statuses, purposes, roles and rights kinds in both languages (the page
/// picks one). Built from the constants the validators and the domain use, so the two cannot drift.
/// </summary>
public sealed record GetStaffFormSettingsQuery : IQuery<StaffFormSettingsDto>;

/// <summary>
/// <c>Lengths</c>: each staff text field, named <c>form.field</c>, with the fewest and most characters the
/// server takes; <c>OrganizationFields</c>: the profile's fields in the order the settings page shows them.
/// </summary>
public sealed record StaffFormSettingsDto(
    IReadOnlyDictionary<string, LengthDto> Lengths,
    StationRulesDto Station,
    HandOverRulesDto HandOver,
    LogoRulesDto Logo,
    RightsRulesDto Rights,
    int FootageSoonDays,
    IReadOnlyList<StatusChoiceDto> Statuses,
    IReadOnlyList<ChoiceDto> Purposes,
    IReadOnlyList<ChoiceDto> Roles,
    IReadOnlyList<ChoiceDto> RightsKinds,
    IReadOnlyList<CorrectableFieldDto> CorrectableFields,
    IReadOnlyList<OrganizationFieldDto> OrganizationFields,
    OnlineCopyRulesDto OnlineCopy,
    ViewingPlaceRulesDto? ViewingPlace = null,
    ApiClientRulesDto? ApiClients = null);

/// <summary>
/// API clients (issue 21): the scopes an administrator may give, with their labels; the latest expiry day the server
/// takes today (Bangkok, <c>yyyy-MM-dd</c>: a year from today); the overlap a rotated secret keeps by default and at most.
/// </summary>
public sealed record ApiClientRulesDto(IReadOnlyList<ChoiceDto> Scopes, string LatestExpiresOn, int DefaultOverlapHours, int MaxOverlapHours);

/// <summary>A viewing place's numbers (SPEC decision 17): slot length, seats, how far ahead, the latest change, with their defaults.</summary>
public sealed record ViewingPlaceRulesDto(
    int SlotMinutesMin, int SlotMinutesMax, int DefaultSlotMinutes, int SeatsMin, int SeatsMax, int DefaultSeats,
    int DaysAheadMin, int DaysAheadMax, int DefaultDaysAhead, int LatestChangeHoursMin, int LatestChangeHoursMax, int DefaultLatestChangeHours);

public sealed record LengthDto(int Min, int Max);

public sealed record StationRulesDto(int RetentionDaysMin, int RetentionDaysMax, int DefaultRetentionDays);

public sealed record HandOverRulesDto(int MaxClips, int SignatureWidth, int SignatureHeight);

public sealed record LogoRulesDto(int MaxBytes, int MaxPixels);

/// <summary>
/// The copy delivered online (<c>Delivery:*</c>, ADR 0017): clips per request, bytes per clip, the expiry an officer
/// may set (days after today), the piece size of a resumable upload, and the video types the server takes (by
/// content) with the file extension each is usually named with.
/// </summary>
public sealed record OnlineCopyRulesDto(
    int MaxClips, long MaxClipBytes, int DefaultExpiryDays, int MaxExpiryDays, int ChunkBytes, IReadOnlyList<string> AcceptedTypes, IReadOnlyList<string> AcceptedExtensions);

/// <summary><c>AskedWithinYears</c>: how long ago a person may have asked, for their rights request to be logged.</summary>
public sealed record RightsRulesDto(int DaysToAnswer, int AskedWithinYears);

public sealed record ChoiceDto(string Code, Text Text);

/// <summary>A status; <c>Open</c> when a request in it still waits for a decision.</summary>
public sealed record StatusChoiceDto(string Code, Text Text, bool Open);

/// <summary>
/// An applicant field staff may correct: <c>Max</c> is the most characters (for a <c>numeric</c> one, the
/// largest number); <c>Input</c> how it is typed: <c>text</c>, <c>numeric</c> or <c>tel</c>.
/// </summary>
public sealed record CorrectableFieldDto(string Code, Text Label, int Max, string Input);

/// <summary>
/// A field of the admin organization body (<c>nameTh</c>...), in <c>Group</c> <c>names</c> (names and
/// contact) or <c>form</c> (the printed form); <c>Language</c> is the one it is written in, or null.
/// </summary>
/// <summary><c>Name</c> identifies the field on the page; <c>Path</c> is where its value sits in the profile and the name the server's errors use.</summary>
public sealed record OrganizationFieldDto(string Name, string Group, Text Label, string? Language, int Max, bool Required, bool Multiline, string Path);

public sealed class GetStaffFormSettingsHandler(IOptions<OnlineCopyOptions> onlineCopy, TimeProvider clock) : IQueryHandler<GetStaffFormSettingsQuery, StaffFormSettingsDto>
{
    /// <summary>The staff answers list statuses in the order a request moves through them.</summary>
    private static readonly RequestStatus[] StatusOrder = [RequestStatus.Pending, RequestStatus.Received, RequestStatus.Approved, RequestStatus.Cancelled];

    private static readonly StaffFormSettingsDto Answer = new(
        Lengths(),
        new StationRulesDto(Station.RetentionDaysMin, Station.RetentionDaysMax, Station.DefaultRetentionDays),
        new HandOverRulesDto(Domain.Requests.HandOver.MaxClips, Files.UploadLimits.MaxSignatureWidth, Files.UploadLimits.MaxSignatureHeight),
        new LogoRulesDto(OrganizationProfile.LogoMaxBytes, OrganizationProfile.LogoMaxPixels),
        new RightsRulesDto(SubjectRightsRequest.DaysToAnswer, 1),
        FootageWarnings.SoonDays,
        StatusOrder.Select(s => new StatusChoiceDto(s.ToString(), RequestStatusText.Of(s), !RequestStatusTransitions.IsFinal(s))).ToList(),
        Enum.GetValues<Purpose>().Select(p => new ChoiceDto(p.ToString(), StaffRequestTexts.PurposeOf(p))).ToList(),
        StaffRoles.All.Select(r => new ChoiceDto(r, StaffRoles.TextOf(r))).ToList(),
        Enum.GetValues<RightsKind>().Select(k => new ChoiceDto(k.ToString(), RightsKindText.Of(k))).ToList(),
        CorrectableFields(),
        StaffOrganizationFields.All,
        OnlineCopy: null!,
        ViewingPlace: new ViewingPlaceRulesDto(
            ViewingPlace.SlotMinutesMin, ViewingPlace.SlotMinutesMax, ViewingPlace.DefaultSlotMinutes, ViewingPlace.SeatsMin, ViewingPlace.SeatsMax, ViewingPlace.DefaultSeats,
            ViewingPlace.DaysAheadMin, ViewingPlace.DaysAheadMax, ViewingPlace.DefaultDaysAhead,
            ViewingPlace.LatestChangeHoursMin, ViewingPlace.LatestChangeHoursMax, ViewingPlace.DefaultLatestChangeHours));

    /// <summary>The online copy's limits are the server administrator's configuration, read when asked.</summary>
    public ValueTask<StaffFormSettingsDto> Handle(GetStaffFormSettingsQuery query, CancellationToken cancellationToken)
    {
        var o = onlineCopy.Value;
        return ValueTask.FromResult(Answer with
        {
            OnlineCopy = new OnlineCopyRulesDto(o.MaxClips, o.MaxClipBytes, o.DefaultExpiryDays, o.MaxExpiryDays, o.ChunkBytes,
                ClipTypes.Accepted, ClipTypes.Accepted.Select(ClipTypes.Extension).Distinct().ToList()),
            ApiClients = new ApiClientRulesDto(
                ApiScopes.All.Select(s => new ChoiceDto(s, ApiScopes.TextOf(s))).ToList(),
                BangkokTime.Today(clock).AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                RotateSecretForm.DefaultOverlapHours, RotateSecretForm.MaxOverlapHours),
        });
    }

    private static Dictionary<string, LengthDto> Lengths() => new()
    {
        ["queue.q"] = new(0, StaffQueueForm.SearchMax),
        ["audit.referenceNumber"] = new(0, ReferenceNumber.MaxLength),
        ["audit.userEmail"] = new(0, AuditEntry.EmailMax),
        ["note.text"] = new(1, RequestNote.TextMax),
        ["preservation.note"] = new(1, FootagePreservation.NoteMax),
        ["cancel.message"] = new(1, RequestLimits.PublicMessageMax),
        ["handOver.medium"] = new(1, Domain.Requests.HandOver.MediumMax),
        ["handOver.receivedBy"] = new(1, Domain.Requests.HandOver.ReceivedByMax),
        ["user.email"] = new(1, StaffUserRules.EmailMax),
        ["user.name"] = new(1, StaffUserRules.NameMax),
        ["station.name"] = new(1, Station.NameMax),
        ["station.nameEn"] = new(1, Station.NameMax),
        ["station.district"] = new(1, Station.DistrictMax),
        ["privacyNotice.version"] = new(1, PrivacyNotice.VersionMax),
        ["privacyNotice.text"] = new(1, PrivacyNoticeForm.TextMax),
        ["reason.code"] = new(2, CancellationReason.CodeMax),
        ["reason.label"] = new(1, CancellationReason.LabelMax),
        ["subject.passportNumber"] = new(PassportNumber.MinLength, PassportNumber.MaxLength),
        ["correction.note"] = new(0, CorrectApplicantFormValidator.NoteMax),
        ["rights.note"] = new(0, SubjectRightsRequest.NoteMax),
        ["erase.reason"] = new(EraseSubjectFormValidator.ReasonMin, EraseSubjectFormValidator.ReasonMax),
        ["place.name"] = new(1, ViewingPlace.NameMax),
        ["place.address"] = new(1, ViewingPlace.AddressMax),
        ["place.mapUrl"] = new(0, ViewingPlace.MapUrlMax),
        ["place.whatToBring"] = new(1, ViewingPlace.WhatToBringMax),
        ["closedDay.name"] = new(1, ClosedDay.NameMax),
        ["apiClient.name"] = new(1, ApiClient.NameMax),
        ["apiClient.ownerContact"] = new(1, ApiClient.ContactMax),
    };

    private static List<CorrectableFieldDto> CorrectableFields() =>
    [
        new(nameof(ApplicantField.Title), SubmissionFields.Title.Label, SubmissionFields.Title.Max, "text"),
        new(nameof(ApplicantField.FirstName), SubmissionFields.FirstName.Label, SubmissionFields.FirstName.Max, "text"),
        new(nameof(ApplicantField.LastName), SubmissionFields.LastName.Label, SubmissionFields.LastName.Max, "text"),
        new(nameof(ApplicantField.Age), SubmissionFields.Age.Label, SubmissionFields.Age.Max, "numeric"),
        new(nameof(ApplicantField.Ethnicity), SubmissionFields.Ethnicity.Label, SubmissionFields.Ethnicity.Max, "text"),
        new(nameof(ApplicantField.Nationality), SubmissionFields.Nationality.Label, SubmissionFields.Nationality.Max, "text"),
        new(nameof(ApplicantField.Address), SubmissionFields.Address.Label, SubmissionFields.Address.Max, "text"),
        new(nameof(ApplicantField.Phone), SubmissionFields.Phone.Label, SubmissionFields.Phone.Max, "tel"),
    ];
}

/// <summary>
/// The organization profile as the settings page lays it out: each text in Thai and English side by
/// side, with the validator's limits. A new text of the profile is one more <see cref="Pair"/> here.
/// </summary>
public static class StaffOrganizationFields
{
    public static readonly IReadOnlyList<OrganizationFieldDto> All =
    [
        .. Pair("names", "name", new("ชื่อหน่วยงาน", "Organization name"), OrganizationProfile.NameMax),
        .. Pair("names", "department", new("ฝ่าย/กอง", "Department"), OrganizationProfile.DepartmentMax),
        .. Pair("names", "address", new("ที่อยู่", "Address"), OrganizationProfile.AddressMax, multiline: true),
        new("phone", "names", new("หมายเลขโทรศัพท์", "Phone number"), null, OrganizationProfile.PhoneMax, Required: true, Multiline: false, Path: "phone"),
        new("phoneExtension", "names", new("หมายเลขต่อ", "Extension"), null, OrganizationProfile.ExtensionMax, Required: false, Multiline: false, Path: "phoneExtension"),
        .. Nested("names", "approvedInstructions.view", new("สิ่งที่ผู้ยื่นต้องทำเมื่อได้รับอนุมัติให้ดูภาพ", "What an applicant approved to view footage must do"), OrganizationProfile.InstructionsMax, multiline: true),
        .. Nested("names", "approvedInstructions.copy", new("สิ่งที่ผู้ยื่นต้องทำเมื่อได้รับอนุมัติให้สำเนาภาพ", "What an applicant approved for a copy must do"), OrganizationProfile.InstructionsMax, multiline: true),
        .. Pair("form", "formTitle", new("หัวข้อแบบฟอร์ม", "Form title"), OrganizationProfile.TitleMax),
        .. Pair("form", "officerTitle", new("ตำแหน่งผู้ลงนาม: เจ้าหน้าที่", "Signer's title: officer"), OrganizationProfile.TitleMax),
        .. Pair("form", "centreHeadTitle", new("ตำแหน่งผู้ลงนาม: หัวหน้าศูนย์", "Signer's title: head of the centre"), OrganizationProfile.TitleMax),
        .. Pair("form", "deputyTitle", new("ตำแหน่งผู้ลงนาม: ปลัด", "Signer's title: permanent secretary"), OrganizationProfile.TitleMax),
        .. Pair("form", "chiefExecutiveTitle", new("ตำแหน่งผู้ลงนาม: นายก", "Signer's title: chief executive"), OrganizationProfile.TitleMax),
    ];

    /// <summary>One text of the profile kept as an object: <c>{path}.th</c> and <c>{path}.en</c>, named on the page without the dots.</summary>
    public static OrganizationFieldDto[] Nested(string group, string path, Text label, int max, bool multiline = false) =>
    [
        new(Flat(path) + "Th", group, label, Text.Thai, max, Required: true, Multiline: multiline, Path: $"{path}.th"),
        new(Flat(path) + "En", group, label, Text.English, max, Required: true, Multiline: multiline, Path: $"{path}.en"),
    ];

    /// <summary><c>approvedInstructions.view</c> as <c>approvedInstructionsView</c>.</summary>
    private static string Flat(string path) => string.Concat(path.Split('.').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>One text of the profile: its Thai field (<c>{name}Th</c>) and its English one (<c>{name}En</c>).</summary>
    public static OrganizationFieldDto[] Pair(string group, string name, Text label, int max, bool multiline = false) =>
    [
        new($"{name}Th", group, label, Text.Thai, max, Required: true, Multiline: multiline, Path: $"{name}Th"),
        new($"{name}En", group, label, Text.English, max, Required: true, Multiline: multiline, Path: $"{name}En"),
    ];
}
