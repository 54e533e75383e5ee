using CctvRequests.Application.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CctvRequests.Infrastructure.Persistence.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Event).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Language).HasMaxLength(2);
        builder.Property(m => m.Recipient).HasMaxLength(OutboxMessage.RecipientMax);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMax);
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(1000);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMax);
        builder.HasOne<Domain.Requests.FootageRequest>().WithMany().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => m.RequestId);
        builder.HasOne<Application.Integrations.WebhookSubscription>().WithMany().HasForeignKey(m => m.SubscriptionId).OnDelete(DeleteBehavior.SetNull);
        // The dispatcher's claim: due messages in order, only those still to send (the index stays small).
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("status IN ('Queued', 'Failed')").HasDatabaseName("ix_outbox_messages_due");
    }
}

public sealed class ClipUploadConfiguration : IEntityTypeConfiguration<Application.OnlineCopy.ClipUpload>
{
    public void Configure(EntityTypeBuilder<Application.OnlineCopy.ClipUpload> builder)
    {
        builder.ToTable("clip_uploads");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.FileName).HasMaxLength(Application.OnlineCopy.ClipUpload.FileNameMax);
        builder.Property(u => u.CreatedById).HasMaxLength(Domain.Common.Actor.IdMax);
        builder.HasOne<Domain.Requests.FootageRequest>().WithMany().HasForeignKey(u => u.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => u.CreatedAt);
    }
}
