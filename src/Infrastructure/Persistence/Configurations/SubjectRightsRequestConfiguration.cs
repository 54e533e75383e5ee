using CctvRequests.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CctvRequests.Infrastructure.Persistence.Configurations;

public sealed class SubjectRightsRequestConfiguration : IEntityTypeConfiguration<SubjectRightsRequest>
{
    public void Configure(EntityTypeBuilder<SubjectRightsRequest> builder)
    {
        builder.ToTable("subject_rights_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.SubjectKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.SubjectIndex).HasMaxLength(32);
        builder.HasIndex(r => r.SubjectIndex);
        builder.Property(r => r.SubjectLabel).HasMaxLength(SubjectRightsRequest.LabelMax);
        builder.Ignore(r => r.IsDone);
        builder.Property(r => r.Note).HasMaxLength(SubjectRightsRequest.NoteMax);
        builder.Property(r => r.DoneNote).HasMaxLength(SubjectRightsRequest.NoteMax);
        builder.Property(r => r.CreatedById).HasMaxLength(Domain.Common.Actor.IdMax);
        builder.Property(r => r.CreatedByName).HasMaxLength(Domain.Common.Actor.NameMax);
        builder.Property(r => r.DoneById).HasMaxLength(Domain.Common.Actor.IdMax);
        builder.Property(r => r.DoneByName).HasMaxLength(Domain.Common.Actor.NameMax);
        builder.HasIndex(r => new { r.DoneAt, r.Deadline });
    }
}
