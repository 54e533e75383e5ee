using CctvRequests.Application.Audit;
using CctvRequests.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CctvRequests.Infrastructure.Persistence.Configurations;

/// <summary>The audit log. The migration adds triggers that refuse UPDATE, DELETE and TRUNCATE.</summary>
public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.UserEmail).HasMaxLength(AuditEntry.EmailMax);
        builder.Property(e => e.UserName).HasMaxLength(AuditEntry.NameMax);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.ReferenceNumber).HasMaxLength(ReferenceNumber.MaxLength);
        builder.Property(e => e.ClientAddress).HasMaxLength(AuditEntry.AddressMax);
        builder.Property(e => e.Details).HasMaxLength(AuditEntry.DetailsMax);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.ReferenceNumber, e.At });
        builder.HasIndex(e => new { e.UserEmail, e.At });
    }
}
