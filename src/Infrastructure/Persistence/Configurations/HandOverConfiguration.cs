using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CctvRequests.Infrastructure.Persistence.Configurations;

public sealed class HandOverConfiguration : IEntityTypeConfiguration<HandOver>
{
    public void Configure(EntityTypeBuilder<HandOver> builder)
    {
        builder.ToTable("request_handovers");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.RecordedById).HasMaxLength(Actor.IdMax);
        builder.Property(h => h.RecordedByName).HasMaxLength(Actor.NameMax);
        builder.Property(h => h.Medium).HasMaxLength(HandOver.MediumMax);
        builder.Property(h => h.ReceivedBy).HasMaxLength(HandOver.ReceivedByMax);
        builder.OwnsMany(h => h.Clips, c =>
        {
            c.ToTable("request_handover_clips");
            c.WithOwner().HasForeignKey("HandOverId");
            c.Property<int>("Id").ValueGeneratedOnAdd();
            c.HasKey("Id");
            c.Property(x => x.FileName).HasMaxLength(HandOverClip.FileNameMax);
            c.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        });
        builder.Navigation(h => h.Clips).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(h => h.Downloads, d =>
        {
            d.ToTable("request_handover_downloads");
            d.WithOwner().HasForeignKey("HandOverId");
            d.Property<long>("Id").ValueGeneratedOnAdd();
            d.HasKey("Id");
            d.Property(x => x.FileName).HasMaxLength(DeliveredClip.FileNameMax);
            d.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
            d.Property(x => x.Client).HasMaxLength(HandOverDownload.ClientMax);
        });
        builder.Navigation(h => h.Downloads).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class DeliveredClipConfiguration : IEntityTypeConfiguration<DeliveredClip>
{
    public void Configure(EntityTypeBuilder<DeliveredClip> builder)
    {
        builder.ToTable("delivered_clips");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.FileName).HasMaxLength(DeliveredClip.FileNameMax);
        builder.Property(c => c.ContentType).HasMaxLength(DeliveredClip.ContentTypeMax);
        builder.Property(c => c.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(c => c.StorageKey).HasMaxLength(RequestLimits.StorageKeyMax);
        builder.HasIndex(c => c.StorageKey);
        builder.Property(c => c.UploadedById).HasMaxLength(Actor.IdMax);
        builder.Property(c => c.UploadedByName).HasMaxLength(Actor.NameMax);
    }
}

public sealed class CancellationReasonConfiguration : IEntityTypeConfiguration<CancellationReason>
{
    public void Configure(EntityTypeBuilder<CancellationReason> builder)
    {
        builder.ToTable("cancellation_reasons");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(CancellationReason.CodeMax);
        builder.Property(r => r.LabelTh).HasMaxLength(CancellationReason.LabelMax);
        builder.Property(r => r.LabelEn).HasMaxLength(CancellationReason.LabelMax);
    }
}
