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
        builder.Property(o => o.ApprovedInstructionsTh).HasMaxLength(OrganizationProfile.InstructionsMax);
        builder.Property(o => o.ApprovedInstructionsEn).HasMaxLength(OrganizationProfile.InstructionsMax);

        // The Lampang PAO, as its user's manual names it. Administrators edit it; another organization replaces it.
        builder.HasData(new
        {
            Id = OrganizationProfile.SingletonId,
            NameTh = "องค์การบริหารส่วนจังหวัดลำปาง",
            NameEn = "Lampang Provincial Administrative Organization",
            DepartmentTh = "ฝ่ายบริหารงานทั่วไป กองช่าง",
            DepartmentEn = "General Administration Section, Public Works Division",
            AddressTh = "องค์การบริหารส่วนจังหวัดลำปาง อำเภอเกาะคา จังหวัดลำปาง",
            AddressEn = "Lampang Provincial Administrative Organization, Ko Kha, Lampang",
            Phone = "054-237600",
            PhoneExtension = "5060",
            ApprovedInstructionsTh = "นำอุปกรณ์ที่ใช้ในการบันทึกข้อมูล (เช่น แฟลชไดรฟ์) มาติดต่อฝ่ายบริหารงานทั่วไป กองช่าง องค์การบริหารส่วนจังหวัดลำปาง เพื่อสำเนาภาพที่ร้องขอ กรุณาโทรติดต่อเจ้าหน้าที่ก่อนเดินทาง",
            ApprovedInstructionsEn = "Bring a storage device (e.g. a USB flash drive) to the General Administration Section, Public Works Division, Lampang Provincial Administrative Organization, to copy the footage you asked for. Please call the staff before you come.",
            UpdatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
    }
}
