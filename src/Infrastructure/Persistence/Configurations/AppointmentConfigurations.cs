using CctvRequests.Domain.Appointments;
using CctvRequests.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CctvRequests.Infrastructure.Persistence.Configurations;

public sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    /// <summary>The statuses that hold a seat, as SQL (the same list as <see cref="Appointment.HoldingSeat"/>).</summary>
    public const string HoldsSeatSql = "status IN ('Booked', 'Attended', 'NoShow')";

    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ToTable("appointments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.BookedById).HasMaxLength(Actor.IdMax);
        builder.Property(a => a.BookedByName).HasMaxLength(Actor.NameMax);
        builder.Property(a => a.ClosedById).HasMaxLength(Actor.IdMax);
        builder.Property(a => a.ClosedByName).HasMaxLength(Actor.NameMax);
        builder.Ignore(a => a.HoldsSeat);
        builder.Property<Guid>("RequestId");
        builder.HasOne<ViewingPlace>().WithMany().HasForeignKey(a => a.PlaceId).OnDelete(DeleteBehavior.Restrict);
        // The seat counter: one row per seat of a slot among the visits that hold one (ADR 0019).
        builder.HasIndex(a => new { a.PlaceId, a.StartsAt, a.Seat }).IsUnique().HasFilter(HoldsSeatSql).HasDatabaseName(AppointmentSeats.SeatIndex);
        // A request has at most one visit to come.
        builder.HasIndex("RequestId").IsUnique().HasFilter("status = 'Booked'").HasDatabaseName(AppointmentSeats.OneBookedIndex);
        builder.HasIndex("RequestId", nameof(Appointment.StartsAt));
        builder.HasIndex(a => a.StartsAt);
        builder.HasIndex(a => a.ReminderDueAt).HasFilter("status = 'Booked' AND reminder_queued_at IS NULL").HasDatabaseName("ix_appointments_reminder_due");
    }
}

public sealed class ViewingPlaceConfiguration : IEntityTypeConfiguration<ViewingPlace>
{
    public void Configure(EntityTypeBuilder<ViewingPlace> builder)
    {
        builder.ToTable("viewing_places");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.NameTh).HasMaxLength(ViewingPlace.NameMax);
        builder.Property(p => p.NameEn).HasMaxLength(ViewingPlace.NameMax);
        builder.Property(p => p.AddressTh).HasMaxLength(ViewingPlace.AddressMax);
        builder.Property(p => p.AddressEn).HasMaxLength(ViewingPlace.AddressMax);
        builder.Property(p => p.MapUrl).HasMaxLength(ViewingPlace.MapUrlMax);
        builder.Property(p => p.WhatToBringTh).HasMaxLength(ViewingPlace.WhatToBringMax);
        builder.Property(p => p.WhatToBringEn).HasMaxLength(ViewingPlace.WhatToBringMax);
        builder.Ignore(p => p.Name);
        builder.Ignore(p => p.Address);
        builder.Ignore(p => p.WhatToBring);
        builder.Ignore(p => p.SlotLength);
        builder.Ignore(p => p.LatestChange);
        builder.OwnsMany(p => p.Hours, h => h.ToJson("hours"));
        builder.Navigation(p => p.Hours).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ClosedDayConfiguration : IEntityTypeConfiguration<ClosedDay>
{
    public void Configure(EntityTypeBuilder<ClosedDay> builder)
    {
        builder.ToTable("closed_days");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.NameTh).HasMaxLength(ClosedDay.NameMax);
        builder.Property(d => d.NameEn).HasMaxLength(ClosedDay.NameMax);
        builder.Ignore(d => d.Name);
        builder.HasIndex(d => d.Date);
    }
}
