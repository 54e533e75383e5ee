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
        // No seed here: the stations are data (Content/organization.json, loaded at first start).
    }
}
