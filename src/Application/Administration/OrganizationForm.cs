using CctvRequests.Application.Administration.UpdateOrganization;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Organization;

namespace CctvRequests.Application.Administration;

/// <summary>The organization profile as administrators edit it (and as the seed file holds it): every text, Thai and English side by side.</summary>
public sealed record OrganizationForm(
    string? NameTh, string? NameEn, string? DepartmentTh, string? DepartmentEn, string? AddressTh, string? AddressEn,
    string? Phone, string? PhoneExtension, string? ApprovedInstructionsTh, string? ApprovedInstructionsEn,
    string? FormTitleTh, string? FormTitleEn, string? OfficerTitleTh, string? OfficerTitleEn, string? CentreHeadTitleTh, string? CentreHeadTitleEn,
    string? DeputyTitleTh, string? DeputyTitleEn, string? ChiefExecutiveTitleTh, string? ChiefExecutiveTitleEn)
{
    /// <summary>After <see cref="OrganizationFormValidator"/> passed: the one mapping.</summary>
    public UpdateOrganizationCommand ToCommand() => new(ToDetails());

    public OrganizationDetails ToDetails() => new(
        T(NameTh, NameEn), T(DepartmentTh, DepartmentEn), T(AddressTh, AddressEn), Phone!.Trim(), PhoneExtension?.Trim() ?? string.Empty,
        T(ApprovedInstructionsTh, ApprovedInstructionsEn), T(FormTitleTh, FormTitleEn), T(OfficerTitleTh, OfficerTitleEn),
        T(CentreHeadTitleTh, CentreHeadTitleEn), T(DeputyTitleTh, DeputyTitleEn), T(ChiefExecutiveTitleTh, ChiefExecutiveTitleEn));

    public static OrganizationForm From(OrganizationDetails d) => new(
        d.Name.Th, d.Name.En, d.Department.Th, d.Department.En, d.Address.Th, d.Address.En, d.Phone, d.PhoneExtension,
        d.ApprovedInstructions.Th, d.ApprovedInstructions.En, d.FormTitle.Th, d.FormTitle.En, d.OfficerTitle.Th, d.OfficerTitle.En,
        d.CentreHeadTitle.Th, d.CentreHeadTitle.En, d.DeputyTitle.Th, d.DeputyTitle.En, d.ChiefExecutiveTitle.Th, d.ChiefExecutiveTitle.En);

    private static Text T(string? th, string? en) => new(th!.Trim(), en!.Trim());
}
