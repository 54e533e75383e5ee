using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CctvRequests.Infrastructure.Persistence.Configurations;

public sealed class RequestNoteConfiguration : IEntityTypeConfiguration<RequestNote>
{
    public void Configure(EntityTypeBuilder<RequestNote> builder)
    {
        builder.ToTable("request_notes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.AuthorId).HasMaxLength(Actor.IdMax);
        builder.Property(n => n.AuthorName).HasMaxLength(Actor.NameMax);
        builder.Property(n => n.Text).HasMaxLength(RequestNote.TextMax);
    }
}

public sealed class FootagePreservationConfiguration : IEntityTypeConfiguration<FootagePreservation>
{
    public void Configure(EntityTypeBuilder<FootagePreservation> builder)
    {
        builder.ToTable("request_preservations");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.RecordedById).HasMaxLength(Actor.IdMax);
        builder.Property(p => p.RecordedByName).HasMaxLength(Actor.NameMax);
        builder.Property(p => p.Note).HasMaxLength(FootagePreservation.NoteMax);
    }
}
