using CctvRequests.Application.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CctvRequests.Infrastructure.Persistence.Configurations;

public sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("api_clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ClientId).HasMaxLength(ApiClient.ClientIdLength);
        builder.HasIndex(c => c.ClientId).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(ApiClient.NameMax);
        builder.Property(c => c.OwnerContact).HasMaxLength(ApiClient.ContactMax);
        builder.Property(c => c.CreatedByName).HasMaxLength(Domain.Common.Actor.NameMax);
        builder.OwnsMany(c => c.Secrets, s =>
        {
            s.ToTable("api_client_secrets");
            s.WithOwner().HasForeignKey("ApiClientId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.Hash).HasMaxLength(32);
        });
        builder.Navigation(c => c.Secrets).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("api_tokens");
        builder.HasKey(t => t.Hash);
        builder.Property(t => t.Hash).HasMaxLength(32);
        builder.HasOne<ApiClient>().WithMany().HasForeignKey(t => t.ApiClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.ExpiresAt);
    }
}

public sealed class IntegrationEventConfiguration : IEntityTypeConfiguration<IntegrationEvent>
{
    public void Configure(EntityTypeBuilder<IntegrationEvent> builder)
    {
        builder.ToTable("integration_events");
        builder.HasKey(e => e.Position);
        builder.Property(e => e.Position).UseIdentityAlwaysColumn();
        builder.HasIndex(e => e.Id).IsUnique();
        // The writing transaction, set by PostgreSQL: the feed's order and its safe horizon (ADR 0018).
        builder.Property(e => e.TransactionId).HasColumnType("xid8").HasDefaultValueSql("pg_current_xact_id()").ValueGeneratedOnAdd();
        builder.HasIndex(e => new { e.TransactionId, e.Position });
        builder.Property(e => e.Type).HasMaxLength(IntegrationEvent.TypeMax);
        builder.Property(e => e.ReferenceNumber).HasMaxLength(Domain.Requests.ReferenceNumber.MaxLength);
        builder.Property(e => e.Status).HasMaxLength(20);
        builder.Property(e => e.Data).HasColumnType("jsonb");
    }
}

public sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlMax);
        builder.HasOne<ApiClient>().WithMany().HasForeignKey(s => s.ApiClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.ApiClientId);
    }
}

public sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.ToTable("webhook_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.EventType).HasMaxLength(IntegrationEvent.TypeMax);
        builder.Property(a => a.Error).HasMaxLength(WebhookAttempt.ErrorMax);
        builder.Property(a => a.Answer).HasMaxLength(WebhookAttempt.AnswerMax);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(a => a.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.SubscriptionId, a.At });
        builder.Ignore(a => a.Succeeded);
    }
}
