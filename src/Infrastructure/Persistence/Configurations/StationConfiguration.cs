using CctvRequests.Domain.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CctvRequests.Infrastructure.Persistence.Configurations;

public sealed class StationConfiguration : IEntityTypeConfiguration<Station>
{
    public void Configure(EntityTypeBuilder<Station> builder)
    {
        builder.ToTable("stations");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).UseIdentityByDefaultColumn();
        builder.Property(s => s.Name).HasMaxLength(Station.NameMax);
        builder.Property(s => s.NameEn).HasMaxLength(Station.NameMax);
        builder.Property(s => s.District).HasMaxLength(Station.DistrictMax);
        builder.Property(s => s.FootageRetentionDays).HasDefaultValue(Station.DefaultRetentionDays);
        builder.HasIndex(s => new { s.IsActive, s.SortOrder });

        // The six stations of the Lampang PAO, as the user's manual lists them (spelling kept).
        // Administrators edit them later; another organization replaces them.
        builder.HasData(
            Seed(1, "บริเวณพื้นที่ภายในสำนักงานองค์การบริหารส่วนจังหวัดลำปาง อ.เกาะคา จ.ลำปาง", "Lampang Provincial Administrative Organization office grounds, Ko Kha, Lampang", "เกาะคา"),
            Seed(2, "บริเวณอนุสาวรีย์สมเด็จพระนเรศวรมหาราช อ.เกาะคา จ.ลำปาง", "King Naresuan the Great Monument, Ko Kha, Lampang", "เกาะคา"),
            Seed(3, "บริเวณสวนสาธารณะหนองกระทิง อ.เมือง จ.ลำปาง", "Nong Krating Public Park, Mueang Lampang, Lampang", "เมืองลำปาง"),
            Seed(4, "โรงเรียนอแก้ววิทยา อ.ห้างฉัตร จ.ลำปาง", "Akaeo Witthaya School, Hang Chat, Lampang", "ห้างฉัตร"),
            Seed(5, "ศูนย์กำจัดขยะมูลฝอยรวมแบบครบวงจร อบจ.ลำปาง อ.เมือง จ.ลำปาง", "Lampang PAO Integrated Solid Waste Disposal Centre, Mueang Lampang, Lampang", "เมืองลำปาง"),
            Seed(6, "ศูนย์พัฒนาคุณภาพชีวิตและส่งเสริมอาชีพผู้สูงอายุ อบจ.ลำปาง อ.เมือง จ.ลำปาง", "Lampang PAO Centre for Quality of Life and Careers of the Elderly, Mueang Lampang, Lampang", "เมืองลำปาง"));
    }

    private static object Seed(int id, string name, string nameEn, string district) => new
    {
        Id = id,
        Name = name,
        NameEn = nameEn,
        District = district,
        FootageRetentionDays = Station.DefaultRetentionDays,
        IsActive = true,
        SortOrder = id,
    };
}
