using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using CctvRequests.Domain.Stations;
using CctvRequests.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CctvRequests.Infrastructure.Persistence.Configurations;

/// <summary>
/// The request's table. The identity number is stored encrypted (<see cref="PersonalDataProtector"/>),
/// found by its blind index; so this configuration needs the protector and is applied by hand, not
/// found by the assembly scan.
/// </summary>
public sealed class FootageRequestConfiguration(PersonalDataProtector protector)
{
    public void Configure(EntityTypeBuilder<FootageRequest> builder)
    {
        builder.ToTable("footage_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();

        builder.Property(r => r.ReferenceNumber)
            .HasConversion(v => v.Value, v => Parse(v))
            .HasMaxLength(ReferenceNumber.MaxLength);
        builder.HasIndex(r => r.ReferenceNumber).IsUnique();

        builder.OwnsOne(r => r.Applicant, a =>
        {
            a.Property(x => x.Title).HasMaxLength(RequestLimits.TitleMax);
            a.Property(x => x.FirstName).HasMaxLength(RequestLimits.NameMax);
            a.Property(x => x.LastName).HasMaxLength(RequestLimits.NameMax);
            a.OwnsOne(x => x.Identity, i =>
            {
                i.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20).HasColumnName("applicant_id_kind");
                i.Property(d => d.Number)
                    .HasConversion(v => protector.Encrypt(v), v => protector.Decrypt(v))
                    .HasColumnType("bytea")
                    .HasColumnName("applicant_id_cipher");
                i.Property(d => d.Country).HasMaxLength(IdentityDocument.CountryLength).IsFixedLength().HasColumnName("applicant_id_country");
                i.Ignore(d => d.NationalId);
                i.Ignore(d => d.IsErased);
            });
            a.Navigation(x => x.Identity).IsRequired();
            a.Property(x => x.Ethnicity).HasMaxLength(RequestLimits.EthnicityMax);
            a.Property(x => x.Nationality).HasMaxLength(RequestLimits.NationalityMax);
            a.Property(x => x.Address).HasMaxLength(RequestLimits.AddressMax);
            a.Property(x => x.Phone)
                .HasConversion(v => v.E164, v => ThaiPhoneNumber.FromE164(v))
                .HasMaxLength(16);
        });
        builder.Navigation(r => r.Applicant).IsRequired();
        builder.Property<byte[]?>(Application.Abstractions.IdentitySearch.Property).HasColumnName("applicant_id_index");
        builder.HasIndex(Application.Abstractions.IdentitySearch.Property);

        builder.Property(r => r.Purpose).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Reason).HasMaxLength(RequestLimits.ReasonMax);
        builder.Property(r => r.SignatureMethod).HasConversion<string>().HasMaxLength(10);

        builder.OwnsOne(r => r.PrivacyConsent, c =>
        {
            c.Property(x => x.NoticeVersion).HasMaxLength(RequestLimits.NoticeVersionMax);
            c.Property(x => x.TextSha256).HasMaxLength(64).IsFixedLength();
            c.Property(x => x.Language).HasMaxLength(2).IsFixedLength();
        });
        builder.Navigation(r => r.PrivacyConsent).IsRequired();

        builder.OwnsOne(r => r.Notifications, n =>
        {
            n.Property(x => x.Email).HasColumnName("notify_email").HasMaxLength(EmailAddress.MaxLength);
            n.Property(x => x.BySms).HasColumnName("notify_by_sms");
            n.Property(x => x.ProtectedStatusToken).HasColumnName("notify_status_token").HasMaxLength(NotificationPreferences.ProtectedTokenMax);
            n.Property(x => x.StoppedAt).HasColumnName("notify_stopped_at");
        });
        builder.Navigation(r => r.Notifications).IsRequired();

        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => new { r.Status, r.FootageOverwrittenOn });
        // The officers' first screen: open requests, fewest days left first, read straight off this index.
        builder.HasIndex(r => new { r.FootageOverwrittenOn, r.SubmittedAt }, "ix_footage_requests_open_queue")
            .HasFilter("status IN ('Pending', 'Received')").HasDatabaseName("ix_footage_requests_open_queue");

        builder.HasOne<Station>().WithMany().HasForeignKey(r => r.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.StationId, r.SubmittedAt });
        // Newest first, date ranges, and the statistics' decision times and cancellations read from
        // the index alone (index-only scans).
        builder.HasIndex(r => r.SubmittedAt)
            .IncludeProperties(r => new { r.Status, r.DecidedAt, r.FootageOverwrittenOn, r.Id });

        builder.Property(r => r.StatusTokenHash).HasMaxLength(32);
        builder.HasIndex(r => r.StatusTokenHash).IsUnique();

        builder.Property(r => r.Version).IsRowVersion();

        // Required: a file taken out of the request (erasure) is a deleted row, never one left behind with its name and hash.
        builder.HasMany(r => r.Attachments).WithOne().HasForeignKey("RequestId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.History).WithOne().HasForeignKey("RequestId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Notes).WithOne().HasForeignKey("RequestId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Notes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Preservations).WithOne().HasForeignKey("RequestId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Preservations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.HandOvers).WithOne().HasForeignKey("RequestId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.HandOvers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.DeliveredClips).WithOne().HasForeignKey("RequestId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.DeliveredClips).UsePropertyAccessMode(PropertyAccessMode.Field);
        // Visits (SPEC decision 17): erasing the request's data deletes them, and so frees their seats.
        builder.HasMany(r => r.Appointments).WithOne().HasForeignKey("RequestId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Appointments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.CurrentAppointment);
        builder.Ignore(r => r.LastViewingDay);
        builder.OwnsOne(r => r.OnlineCopy, o =>
        {
            o.Property(x => x.PublishedAt).HasColumnName("online_published_at");
            o.Property(x => x.PublishedById).HasColumnName("online_published_by_id").HasMaxLength(Actor.IdMax);
            o.Property(x => x.PublishedByName).HasColumnName("online_published_by_name").HasMaxLength(Actor.NameMax);
            o.Property(x => x.ExpiresOn).HasColumnName("online_expires_on");
            o.Property(x => x.EndedAt).HasColumnName("online_ended_at");
            o.Property(x => x.EndedBecause).HasColumnName("online_ended_because").HasConversion<string>().HasMaxLength(20);
            o.Property(x => x.WrongChecks).HasColumnName("online_wrong_checks");
            o.Property(x => x.WrongChecksOn).HasColumnName("online_wrong_checks_on");
            o.Property(x => x.LockedAt).HasColumnName("online_locked_at");
            // The expiry job's question: published copies not ended, by their last day.
            o.HasIndex(x => x.ExpiresOn).HasFilter("online_published_at IS NOT NULL AND online_ended_at IS NULL").HasDatabaseName("ix_footage_requests_online_due");
        });
        builder.Navigation(r => r.OnlineCopy).IsRequired();
        builder.Ignore(r => r.IsPreserved);
        builder.HasIndex(r => r.DecidedAt);
        builder.HasIndex(r => r.ErasedAt);
    }

    private static ReferenceNumber Parse(string value) =>
        ReferenceNumber.TryParse(value, out var reference) ? reference : throw new InvalidOperationException("A stored reference number is malformed.");
}
