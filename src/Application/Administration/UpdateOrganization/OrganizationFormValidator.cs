using CctvRequests.Application.Common;
using CctvRequests.Domain.Organization;
using FluentValidation;

namespace CctvRequests.Application.Administration.UpdateOrganization;

public sealed class OrganizationFormValidator : AbstractValidator<OrganizationForm>
{
    public OrganizationFormValidator()
    {
        RuleFor(x => x.NameTh).RequiredText("nameTh", OrganizationProfile.NameMax, multiline: true);
        RuleFor(x => x.NameEn).RequiredText("nameEn", OrganizationProfile.NameMax, multiline: true);
        RuleFor(x => x.DepartmentTh).RequiredText("departmentTh", OrganizationProfile.DepartmentMax, multiline: true);
        RuleFor(x => x.DepartmentEn).RequiredText("departmentEn", OrganizationProfile.DepartmentMax, multiline: true);
        RuleFor(x => x.AddressTh).RequiredText("addressTh", OrganizationProfile.AddressMax, multiline: true);
        RuleFor(x => x.AddressEn).RequiredText("addressEn", OrganizationProfile.AddressMax, multiline: true);
        RuleFor(x => x.Phone).RequiredText("phone", OrganizationProfile.PhoneMax, multiline: true);
        RuleFor(x => x.PhoneExtension).MaximumLength(OrganizationProfile.ExtensionMax).Says(AdministrationTexts.TooLong(OrganizationProfile.ExtensionMax))
            .OverridePropertyName("phoneExtension");
        // One text per purpose, each pair named as the body nests it (approvedInstructions.view.th ...).
        RuleFor(x => x.ApprovedInstructions == null || x.ApprovedInstructions.View == null ? null : x.ApprovedInstructions.View.Th)
            .RequiredText("approvedInstructions.view.th", OrganizationProfile.InstructionsMax, multiline: true);
        RuleFor(x => x.ApprovedInstructions == null || x.ApprovedInstructions.View == null ? null : x.ApprovedInstructions.View.En)
            .RequiredText("approvedInstructions.view.en", OrganizationProfile.InstructionsMax, multiline: true);
        RuleFor(x => x.ApprovedInstructions == null || x.ApprovedInstructions.Copy == null ? null : x.ApprovedInstructions.Copy.Th)
            .RequiredText("approvedInstructions.copy.th", OrganizationProfile.InstructionsMax, multiline: true);
        RuleFor(x => x.ApprovedInstructions == null || x.ApprovedInstructions.Copy == null ? null : x.ApprovedInstructions.Copy.En)
            .RequiredText("approvedInstructions.copy.en", OrganizationProfile.InstructionsMax, multiline: true);
        RuleFor(x => x.FormTitleTh).RequiredText("formTitleTh", OrganizationProfile.TitleMax, multiline: true);
        RuleFor(x => x.FormTitleEn).RequiredText("formTitleEn", OrganizationProfile.TitleMax, multiline: true);
        RuleFor(x => x.OfficerTitleTh).RequiredText("officerTitleTh", OrganizationProfile.TitleMax, multiline: true);
        RuleFor(x => x.OfficerTitleEn).RequiredText("officerTitleEn", OrganizationProfile.TitleMax, multiline: true);
        RuleFor(x => x.CentreHeadTitleTh).RequiredText("centreHeadTitleTh", OrganizationProfile.TitleMax, multiline: true);
        RuleFor(x => x.CentreHeadTitleEn).RequiredText("centreHeadTitleEn", OrganizationProfile.TitleMax, multiline: true);
        RuleFor(x => x.DeputyTitleTh).RequiredText("deputyTitleTh", OrganizationProfile.TitleMax, multiline: true);
        RuleFor(x => x.DeputyTitleEn).RequiredText("deputyTitleEn", OrganizationProfile.TitleMax, multiline: true);
        RuleFor(x => x.ChiefExecutiveTitleTh).RequiredText("chiefExecutiveTitleTh", OrganizationProfile.TitleMax, multiline: true);
        RuleFor(x => x.ChiefExecutiveTitleEn).RequiredText("chiefExecutiveTitleEn", OrganizationProfile.TitleMax, multiline: true);
    }
}
