using CctvRequests.Application.Administration.UpdateOrganization;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Organization;

namespace CctvRequests.Application.Administration;

/// <summary>A text as typed, Thai and English; either may be missing until the validator has looked.</summary>
public sealed record TextForm(string? Th, string? En)
{
    public Text ToText() => new(Th!.Trim(), En!.Trim());

    public static TextForm From(Text text) => new(text.Th, text.En);
}

/// <summary>What an approved applicant does next, per purpose: <c>{ view: { th, en }, copy: { th, en } }</c>, the shape the pages read.</summary>
public sealed record ApprovedInstructionsForm(TextForm? View, TextForm? Copy)
{
    public ApprovedInstructions ToInstructions() => new(View!.ToText(), Copy!.ToText());

    public static ApprovedInstructionsForm From(ApprovedInstructions instructions) => new(TextForm.From(instructions.View), TextForm.From(instructions.Copy));
}

/// <summary>The organization profile as administrators edit it (and as the seed file holds it): every text, Thai and English side by side.</summary>
public sealed record OrganizationForm(
    string? NameTh, string? NameEn, string? DepartmentTh, string? DepartmentEn, string? AddressTh, string? AddressEn,
    string? Phone, string? PhoneExtension, ApprovedInstructionsForm? ApprovedInstructions,
    string? FormTitleTh, string? FormTitleEn, string? OfficerTitleTh, string? OfficerTitleEn, string? CentreHeadTitleTh, string? CentreHeadTitleEn,
    string? DeputyTitleTh, string? DeputyTitleEn, string? ChiefExecutiveTitleTh, string? ChiefExecutiveTitleEn)
{
    /// <summary>After <see cref="OrganizationFormValidator"/> passed: the one mapping.</summary>
    public UpdateOrganizationCommand ToCommand() => new(ToDetails());

    public OrganizationDetails ToDetails() => new(
        T(NameTh, NameEn), T(DepartmentTh, DepartmentEn), T(AddressTh, AddressEn), Phone!.Trim(), PhoneExtension?.Trim() ?? string.Empty,
        ApprovedInstructions!.ToInstructions(), T(FormTitleTh, FormTitleEn), T(OfficerTitleTh, OfficerTitleEn),
        T(CentreHeadTitleTh, CentreHeadTitleEn), T(DeputyTitleTh, DeputyTitleEn), T(ChiefExecutiveTitleTh, ChiefExecutiveTitleEn));

    public static OrganizationForm From(OrganizationDetails d) => new(
        d.Name.Th, d.Name.En, d.Department.Th, d.Department.En, d.Address.Th, d.Address.En, d.Phone, d.PhoneExtension,
        ApprovedInstructionsForm.From(d.ApprovedInstructions), d.FormTitle.Th, d.FormTitle.En, d.OfficerTitle.Th, d.OfficerTitle.En,
        d.CentreHeadTitle.Th, d.CentreHeadTitle.En, d.DeputyTitle.Th, d.DeputyTitle.En, d.ChiefExecutiveTitle.Th, d.ChiefExecutiveTitle.En);

    private static Text T(string? th, string? en) => new(th!.Trim(), en!.Trim());
}
