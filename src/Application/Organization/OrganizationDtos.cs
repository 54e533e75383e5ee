using CctvRequests.Domain.Common;
using CctvRequests.Domain.Organization;

namespace CctvRequests.Application.Organization;

/// <summary>The organization as pages show it (citizens' and staff's).</summary>
public sealed record OrganizationDto(
    string Name,
    string NameEn,
    Text Department,
    Text Address,
    string Phone,
    string PhoneExtension,
    ApprovedInstructionsDto ApprovedInstructions,
    bool HasLogo,
    string? LogoUrl,
    Text FormTitle,
    SignatureTitlesDto SignatureTitles);

/// <summary>What an approved applicant does next, one text per purpose (<c>view</c>: call to arrange a visit; <c>copy</c>: bring a medium).</summary>
public sealed record ApprovedInstructionsDto(Text View, Text Copy)
{
    public static ApprovedInstructionsDto From(ApprovedInstructions instructions) => new(instructions.View, instructions.Copy);
}

/// <summary>The titles printed under the four signatures of the official form.</summary>
public sealed record SignatureTitlesDto(Text Officer, Text CentreHead, Text Deputy, Text ChiefExecutive);

public static class OrganizationDtos
{
    public const string LogoPath = "/api/organization/logo";

    public static OrganizationDto From(OrganizationProfile o)
    {
        var d = o.Details;
        return new OrganizationDto(
            o.NameTh, o.NameEn, d.Department, d.Address, o.Phone, o.PhoneExtension, ApprovedInstructionsDto.From(d.ApprovedInstructions),
            o.LogoPng is not null, o.LogoPng is null ? null : $"{LogoPath}?v={o.LogoVersion}", d.FormTitle,
            new SignatureTitlesDto(d.OfficerTitle, d.CentreHeadTitle, d.DeputyTitle, d.ChiefExecutiveTitle));
    }
}
