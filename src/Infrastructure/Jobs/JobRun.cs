using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CctvRequests.Infrastructure.Jobs;

/// <summary>
/// The last successful run of a periodic job (retention, the storage reconciliation, the online copies' expiry,
/// the idempotency purge), whichever node ran it: what <c>/healthz/ready</c> reports with its age. Times are the
/// database server's (<c>now()</c>), so nodes' clocks do not matter.
/// </summary>
public sealed class JobRun
{
    public const int JobMax = 64;

    public string Job { get; set; } = string.Empty;
    public DateTimeOffset LastSuccessAt { get; set; }

    /// <summary>How long that run took, in seconds.</summary>
    public double Seconds { get; set; }
}

public sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("job_runs");
        builder.HasKey(r => r.Job);
        builder.Property(r => r.Job).HasMaxLength(JobRun.JobMax);
    }
}
