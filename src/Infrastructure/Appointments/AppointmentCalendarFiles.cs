using System.Text;
using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Common;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CctvRequests.Infrastructure.Appointments;

/// <summary>
/// A visit as an iCalendar file (Ical.Net): DTSTART/DTEND in Asia/Bangkok's wall-clock time with that TZID, and a
/// VTIMEZONE block (Ical.Net does not write one by itself; Outlook needs it). The UID is the booking's, so a moved
/// visit replaces the old one in a calendar that imported it.
/// </summary>
public sealed class AppointmentCalendarFiles : IAppointmentCalendarFiles
{
    public byte[] Write(AppointmentEvent visit)
    {
        var calendar = new Calendar { ProductId = "-//CctvRequests//Viewing appointments//TH" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(BangkokTime.ZoneId));
        var e = new CalendarEvent
        {
            Uid = $"{visit.Id:N}@cctv-requests",
            Summary = visit.Summary,
            Location = visit.Location,
            Description = visit.Description,
            DtStart = Local(visit.StartsAt),
            DtEnd = Local(visit.EndsAt),
            DtStamp = new CalDateTime(visit.Stamp.UtcDateTime, "UTC"),
            Status = visit.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
        if (visit.MapUrl is { } map)
        {
            e.Url = new Uri(map);
        }
        calendar.Events.Add(e);
        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty);
    }

    private static CalDateTime Local(DateTimeOffset instant)
    {
        var wall = TimeZoneInfo.ConvertTime(instant, BangkokTime.Zone).DateTime;
        return new CalDateTime(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), BangkokTime.ZoneId);
    }
}
