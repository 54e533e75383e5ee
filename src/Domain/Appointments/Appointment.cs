using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Appointments;

/// <summary>Where a booking is in its life. A booking that is moved or cancelled frees its seat; the others hold it.</summary>
public enum AppointmentStatus
{
    Booked,

    /// <summary>Replaced by a booking at another time (the newer row).</summary>
    Moved,

    Cancelled,
    Attended,
    NoShow,
}

public static class AppointmentStatusText
{
    public static Text Of(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => new("นัดหมายแล้ว", "Booked"),
        AppointmentStatus.Moved => new("เปลี่ยนเวลานัดแล้ว", "Moved to another time"),
        AppointmentStatus.Cancelled => new("ยกเลิกนัดหมายแล้ว", "Cancelled"),
        AppointmentStatus.Attended => new("มาตามนัดแล้ว", "Attended"),
        AppointmentStatus.NoShow => new("ไม่ได้มาตามนัด", "Did not come"),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}

/// <summary>
/// A visit to a viewing place to view the footage of an approved request (SPEC decision 17), part of the request:
/// the place, the instant it starts and ends, the seat it holds, who booked it (the applicant or an officer on their
/// behalf), until when it may be changed, and how it ended. Never edited into another time: a change closes this one
/// as <see cref="AppointmentStatus.Moved"/> and books anew, so every booking stays in the request's history.
/// </summary>
public sealed class Appointment
{
    /// <summary>The reminder goes out at this time (Bangkok) on the day before the visit.</summary>
    public static readonly TimeOnly ReminderTime = new(9, 0);

    /// <summary>The statuses that hold a seat of their slot (the database's unique index lists the same).</summary>
    public static readonly AppointmentStatus[] HoldingSeat = [AppointmentStatus.Booked, AppointmentStatus.Attended, AppointmentStatus.NoShow];

    private Appointment()
    {
        BookedById = BookedByName = string.Empty;
    }

    public Guid Id { get; private set; }
    public int PlaceId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>1 to the place's seats; 0 until the booking has taken a seat.</summary>
    public int Seat { get; private set; }

    public AppointmentStatus Status { get; private set; }
    public DateTimeOffset BookedAt { get; private set; }

    /// <summary><c>citizen</c>, or the staff account that booked on the applicant's behalf.</summary>
    public string BookedById { get; private set; }

    public string BookedByName { get; private set; }

    /// <summary>The last moment the applicant may change or cancel it (the place's latest change, when it was booked).</summary>
    public DateTimeOffset ChangeUntil { get; private set; }

    /// <summary>When it was moved, cancelled, or its outcome recorded; by whom.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedById { get; private set; }
    public string? ClosedByName { get; private set; }

    /// <summary>The day before at <see cref="ReminderTime"/>; no reminder for a booking made after it.</summary>
    public DateTimeOffset ReminderDueAt { get; private set; }

    public DateTimeOffset? ReminderQueuedAt { get; private set; }

    public bool HoldsSeat => HoldingSeat.Contains(Status);

    internal static Appointment Create(ViewingPlace place, DateTimeOffset startsAt, Actor by, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        PlaceId = place.Id,
        StartsAt = startsAt.ToUniversalTime(),
        EndsAt = (startsAt + place.SlotLength).ToUniversalTime(),
        Status = AppointmentStatus.Booked,
        BookedAt = at.ToUniversalTime(),
        BookedById = Guard.Text(by.Id, "bookedBy", 1, Actor.IdMax),
        BookedByName = Guard.Text(by.Name, "bookedByName", 1, Actor.NameMax),
        ChangeUntil = (startsAt - place.LatestChange).ToUniversalTime(),
        ReminderDueAt = BangkokTime.At(BangkokTime.DateOf(startsAt).AddDays(-1), ReminderTime),
    };

    /// <summary>The seat the database gave it (the first free of 1 to the place's seats).</summary>
    public void TakeSeat(int seat)
    {
        if (Status != AppointmentStatus.Booked || seat < 1)
        {
            throw new DomainException("appointment.seat", new Text("ที่นั่งไม่ถูกต้อง", "Not a seat."));
        }
        Seat = seat;
    }

    /// <summary>Whether the applicant (or an officer for them) may still move or cancel it.</summary>
    public bool CanChange(DateTimeOffset now) => Status == AppointmentStatus.Booked && now <= ChangeUntil;

    /// <summary>Whether attendance can be recorded: booked, and its day has come (Bangkok).</summary>
    public bool CanRecordOutcome(DateTimeOffset now) => Status == AppointmentStatus.Booked && BangkokTime.DateOf(now) >= BangkokTime.DateOf(StartsAt);

    /// <summary>Whether the reminder is due now and not yet written.</summary>
    public bool NeedsReminder(DateTimeOffset now) =>
        Status == AppointmentStatus.Booked && ReminderQueuedAt is null && BookedAt < ReminderDueAt && ReminderDueAt <= now && now < StartsAt;

    internal void EnsureChangeable(DateTimeOffset now)
    {
        if (Status != AppointmentStatus.Booked)
        {
            throw new DomainException("appointment.closed", AppointmentTexts.NotBooked);
        }
        if (now > ChangeUntil)
        {
            throw new DomainException("appointment.too_late", AppointmentTexts.TooLateToChange(ChangeUntil));
        }
    }

    internal void Close(AppointmentStatus to, Actor by, DateTimeOffset at)
    {
        Status = to;
        ClosedAt = at.ToUniversalTime();
        ClosedById = Guard.Text(by.Id, "closedBy", 1, Actor.IdMax);
        ClosedByName = Guard.Text(by.Name, "closedByName", 1, Actor.NameMax);
    }

    public void MarkReminded(DateTimeOffset at) => ReminderQueuedAt ??= at.ToUniversalTime();
}
