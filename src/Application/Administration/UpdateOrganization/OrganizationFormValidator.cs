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
        RuleFor(x => x.ApprovedInstructionsTh).RequiredText("approvedInstructionsTh", OrganizationProfile.InstructionsMax, multiline: true);
        RuleFor(x => x.ApprovedInstructionsEn).RequiredText("approvedInstructionsEn", OrganizationProfile.InstructionsMax, multiline: true);
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
