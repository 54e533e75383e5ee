using CctvRequests.Domain.Appointments;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;

namespace CctvRequests.Domain.Tests;

/// <summary>The calendar (Bangkok's hours, closed days, the window, the overwrite day) and a request's visits.</summary>
public class AppointmentTests
{
    // Monday 16 February 2026, 10:00 in Bangkok.
    private static readonly DateTimeOffset Monday10 = FootageRequestBuilder.DefaultNow;

    private static ViewingPlace Place(int seats = 1) => ViewingPlace.Create(new ViewingPlaceDetails(
        new Text("ห้องเข้าชมภาพ", "Viewing room"), new Text("ลำปาง", "Lampang"), null, new Text("บัตรประชาชน", "ID card"),
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Select(d => new OpeningHours(d, new TimeOnly(9, 0), new TimeOnly(16, 0)))],
        30, seats, 14, 2, true, 1));

    private static FootageRequest ApprovedView(int incidentDaysAgo = 2) => new FootageRequestBuilder()
        .For(Purpose.View, null).IncidentOn(BangkokTime.DateOf(Monday10).AddDays(-incidentDaysAgo)).InStatus(RequestStatus.Approved, Monday10.AddHours(-1)).Build();

    [Fact]
    public void Slots_AreBangkokHours_FromTheLatestChangeAhead_SkippingWeekendsAndClosedDays()
    {
        var calendar = new AppointmentCalendar([ClosedDay.Create(new DateOnly(2000, 2, 18), yearly: true, new Text("วันหยุด", "Holiday"))]);

        var slots = calendar.Slots(Place(), Monday10, null).ToList();

        Assert.Equal(new DateTimeOffset(2026, 2, 16, 12, 0, 0, TimeSpan.FromHours(7)), slots[0]);
        Assert.DoesNotContain(slots, s => BangkokTime.DateOf(s) == new DateOnly(2026, 2, 18));
        Assert.DoesNotContain(slots, s => BangkokTime.DateOf(s).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 15, 30, 0, TimeSpan.FromHours(7)), slots[^1]);
        // Monday from 12:00 (8), then 9 weekdays of 14 slots: 17, 19, 20, 23-27 February and 2 March (the 18th is closed).
        Assert.Equal(8 + (9 * 14), slots.Count);
    }

    [Fact]
    public void Booking_AfterTheLastViewingDay_IsRefused_UntilThePreservationIsRecorded()
    {
        var request = ApprovedView(incidentDaysAgo: 27); // station keeps 30 days: overwritten on Thursday, viewable until Wednesday
        var calendar = new AppointmentCalendar([]);
        var thursday = BangkokTime.At(new DateOnly(2026, 2, 19), new TimeOnly(9, 0));

        var refused = Assert.Throws<DomainException>(() => request.BookAppointment(Place(), calendar, thursday, Actor.Citizen, Monday10));
        Assert.Equal("appointment.after_overwrite", refused.Code);

        request.RecordPreservation(FootageRequestBuilder.Officer, Monday10, "ส่งออกแล้ว");
        Assert.Equal(thursday, request.BookAppointment(Place(), calendar, thursday, Actor.Citizen, Monday10).StartsAt);
    }

    [Fact]
    public void Moving_ClosesTheBookingAsMoved_AndChangesStopAtTheLatestChange()
    {
        var request = ApprovedView();
        var calendar = new AppointmentCalendar([]);
        var tuesday9 = BangkokTime.At(new DateOnly(2026, 2, 17), new TimeOnly(9, 0));
        var first = request.BookAppointment(Place(), calendar, tuesday9, Actor.Citizen, Monday10);

        var second = request.RescheduleAppointment(Place(), calendar, tuesday9.AddMinutes(30), Actor.Citizen, Monday10);

        Assert.Equal(AppointmentStatus.Moved, first.Status);
        Assert.Same(second, request.CurrentAppointment);
        var late = Assert.Throws<DomainException>(() => request.CancelAppointment(Actor.Citizen, second.StartsAt.AddHours(-2).AddMinutes(1)));
        Assert.Equal("appointment.too_late", late.Code);
        Assert.Equal(AppointmentStatus.Cancelled, request.CancelAppointment(Actor.Citizen, second.StartsAt.AddHours(-2)).Status);
        Assert.Null(request.CurrentAppointment);
    }

    [Theory]
    [InlineData(8, 30)]
    [InlineData(16, 0)]
    [InlineData(9, 15)]
    public void ATimeThatIsNotASlot_IsRefused(int hour, int minute)
    {
        var start = BangkokTime.At(new DateOnly(2026, 2, 17), new TimeOnly(hour, minute));
        var refused = Assert.Throws<DomainException>(() => ApprovedView().BookAppointment(Place(), new AppointmentCalendar([]), start, Actor.Citizen, Monday10));
        Assert.Equal("appointment.not_a_slot", refused.Code);
    }

    [Fact]
    public void TheReminder_IsDueAt0900BangkokTheDayBefore()
    {
        var start = BangkokTime.At(new DateOnly(2026, 2, 19), new TimeOnly(13, 0));
        var visit = ApprovedView().BookAppointment(Place(), new AppointmentCalendar([]), start, Actor.Citizen, Monday10);

        Assert.Equal(new DateTimeOffset(2026, 2, 18, 2, 0, 0, TimeSpan.Zero), visit.ReminderDueAt);
        Assert.False(visit.NeedsReminder(visit.ReminderDueAt.AddMinutes(-1)));
        Assert.True(visit.NeedsReminder(visit.ReminderDueAt));
    }
}
