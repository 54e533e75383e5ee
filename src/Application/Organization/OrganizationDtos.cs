using CctvRequests.Application.Settings.GetFormSettings;
using CctvRequests.Domain.Organization;

namespace CctvRequests.Application.Organization;

public static class OrganizationDtos
{
    public static OrganizationDto From(OrganizationProfile o) =>
        new(o.NameTh, o.NameEn, o.Department, o.Address, o.Phone, o.PhoneExtension, o.ApprovedInstructions);
}
