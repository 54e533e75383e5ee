using CctvRequests.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CctvRequests.Infrastructure.Persistence.Configurations;

public sealed class StatusChangeConfiguration : IEntityTypeConfiguration<StatusChange>
{
    public void Configure(EntityTypeBuilder<StatusChange> builder)
    {
        builder.ToTable("status_changes");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Actor).HasMaxLength(Domain.Common.Actor.IdMax);
        builder.Property(h => h.ActorName).HasMaxLength(Domain.Common.Actor.NameMax);
        builder.Property(h => h.Note).HasMaxLength(RequestLimits.NoteMax);
        builder.Property(h => h.ReasonCode).HasColumnName("cancellation_reason").HasMaxLength(CancellationReason.CodeMax);
        builder.Property(h => h.PublicMessage).HasMaxLength(RequestLimits.PublicMessageMax);
    }
}
