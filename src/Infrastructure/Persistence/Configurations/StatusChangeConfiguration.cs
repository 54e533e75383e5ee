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
        // Cancellations by reason (statistics), without reading the rest of the history. The key to
        // the request is declared here (the request's configuration, applied later, names it too).
        builder.Property<Guid?>("RequestId");
        builder.HasIndex("RequestId");
        builder.HasIndex(["RequestId"], "ix_status_changes_cancelled").IncludeProperties(h => h.ReasonCode)
            .HasFilter("\"to\" = 'Cancelled'").HasDatabaseName("ix_status_changes_cancelled");
    }
}
