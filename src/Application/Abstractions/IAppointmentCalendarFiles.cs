namespace CctvRequests.Application.Abstractions;

/// <summary>A visit as an iCalendar event (RFC 5545), in Asia/Bangkok with its VTIMEZONE, for the applicant's calendar.</summary>
public interface IAppointmentCalendarFiles
{
    byte[] Write(AppointmentEvent visit);
}

/// <summary>What the calendar file says, already in the reader's language.</summary>
public sealed record AppointmentEvent(
    Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Summary, string Location, string Description, string? MapUrl, DateTimeOffset Stamp, bool Cancelled);
