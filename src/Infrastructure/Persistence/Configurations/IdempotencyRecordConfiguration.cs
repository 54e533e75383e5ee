using CctvRequests.Application.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CctvRequests.Infrastructure.Persistence.Configurations;

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMax);
        builder.Property(r => r.Fingerprint).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.ProtectedAnswer);
        builder.HasIndex(r => r.CreatedAt);
    }
}
