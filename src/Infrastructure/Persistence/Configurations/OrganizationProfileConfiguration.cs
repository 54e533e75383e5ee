using CctvRequests.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CctvRequests.Infrastructure.Persistence.Configurations;

public sealed class OrganizationProfileConfiguration : IEntityTypeConfiguration<OrganizationProfile>
{
    public void Configure(EntityTypeBuilder<OrganizationProfile> builder)
    {
        builder.ToTable("organization_profile", t => t.HasCheckConstraint("ck_organization_profile_single_row", $"id = {OrganizationProfile.SingletonId}"));
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.NameTh).HasMaxLength(OrganizationProfile.NameMax);
        builder.Property(o => o.NameEn).HasMaxLength(OrganizationProfile.NameMax);
        builder.Property(o => o.DepartmentTh).HasMaxLength(OrganizationProfile.DepartmentMax);
        builder.Property(o => o.DepartmentEn).HasMaxLength(OrganizationProfile.DepartmentMax);
        builder.Property(o => o.AddressTh).HasMaxLength(OrganizationProfile.AddressMax);
        builder.Property(o => o.AddressEn).HasMaxLength(OrganizationProfile.AddressMax);
        builder.Property(o => o.Phone).HasMaxLength(OrganizationProfile.PhoneMax);
        builder.Property(o => o.PhoneExtension).HasMaxLength(OrganizationProfile.ExtensionMax);
        builder.Property(o => o.ApprovedViewInstructionsTh).HasMaxLength(OrganizationProfile.InstructionsMax);
        builder.Property(o => o.ApprovedViewInstructionsEn).HasMaxLength(OrganizationProfile.InstructionsMax);
        builder.Property(o => o.ApprovedCopyInstructionsTh).HasMaxLength(OrganizationProfile.InstructionsMax);
        builder.Property(o => o.ApprovedCopyInstructionsEn).HasMaxLength(OrganizationProfile.InstructionsMax);
        builder.Property(o => o.FormTitleTh).HasMaxLength(OrganizationProfile.TitleMax);
        builder.Property(o => o.FormTitleEn).HasMaxLength(OrganizationProfile.TitleMax);
        builder.Property(o => o.OfficerTitleTh).HasMaxLength(OrganizationProfile.TitleMax);
        builder.Property(o => o.OfficerTitleEn).HasMaxLength(OrganizationProfile.TitleMax);
        builder.Property(o => o.CentreHeadTitleTh).HasMaxLength(OrganizationProfile.TitleMax);
        builder.Property(o => o.CentreHeadTitleEn).HasMaxLength(OrganizationProfile.TitleMax);
        builder.Property(o => o.DeputyTitleTh).HasMaxLength(OrganizationProfile.TitleMax);
        builder.Property(o => o.DeputyTitleEn).HasMaxLength(OrganizationProfile.TitleMax);
        builder.Property(o => o.ChiefExecutiveTitleTh).HasMaxLength(OrganizationProfile.TitleMax);
        builder.Property(o => o.ChiefExecutiveTitleEn).HasMaxLength(OrganizationProfile.TitleMax);
        builder.Ignore(o => o.Details);
        // No seed here: the organization is data (Content/organization.json, loaded at first start).
    }
}
