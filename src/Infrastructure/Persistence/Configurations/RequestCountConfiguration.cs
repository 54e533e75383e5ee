using CctvRequests.Application.Staff.ListRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CctvRequests.Infrastructure.Persistence.Configurations;

/// <summary>The queue's counts, kept by the trigger <c>request_counts_follow</c> (migration QueueAndStatisticsIndexes).</summary>
public sealed class RequestCountConfiguration : IEntityTypeConfiguration<RequestCount>
{
    public void Configure(EntityTypeBuilder<RequestCount> builder)
    {
        builder.ToTable("request_counts");
        builder.HasKey(c => new { c.StationId, c.SubmittedOn, c.Status, c.Purpose });
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(10);
    }
}

/// <summary>The queue's totals per station and status, kept by the same trigger.</summary>
public sealed class RequestTotalConfiguration : IEntityTypeConfiguration<RequestTotal>
{
    public void Configure(EntityTypeBuilder<RequestTotal> builder)
    {
        builder.ToTable("request_totals");
        builder.HasKey(c => new { c.StationId, c.Status });
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
    }
}
