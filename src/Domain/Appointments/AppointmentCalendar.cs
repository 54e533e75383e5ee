using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Appointments;

/// <summary>
/// Which slots a viewing place offers now: its weekly hours cut into slots, in Bangkok's time, from the place's latest
/// change ahead of now to <see cref="ViewingPlace.DaysAhead"/> days ahead, never on a closed day, and never after the
/// last day the request's footage can be viewed. Seats are not its business: the database counts them.
/// </summary>
public sealed class AppointmentCalendar(IReadOnlyCollection<ClosedDay> closedDays)
{
    public ClosedDay? ClosedOn(DateOnly day) => closedDays.FirstOrDefault(c => c.Covers(day));

    /// <summary>The first and the last day slots may fall on now, for a request whose footage lasts until <paramref name="lastDay"/>.</summary>
    public static (DateOnly First, DateOnly Last) Window(ViewingPlace place, DateTimeOffset now, DateOnly? lastDay)
    {
        var first = BangkokTime.DateOf(now + place.LatestChange);
        var last = BangkokTime.DateOf(now).AddDays(place.DaysAhead);
        return (first, lastDay is { } day && day < last ? day : last);
    }

    /// <summary>Every slot start the place offers now, earliest first.</summary>
    public IEnumerable<DateTimeOffset> Slots(ViewingPlace place, DateTimeOffset now, DateOnly? lastDay)
    {
        if (!place.IsActive)
        {
            yield break;
        }
        var earliest = now + place.LatestChange;
        var (first, last) = Window(place, now, lastDay);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (ClosedOn(day) is not null)
            {
                continue;
            }
            foreach (var time in place.SlotTimesOn(day.DayOfWeek))
            {
                var start = BangkokTime.At(day, time);
                if (start >= earliest)
                {
                    yield return start;
                }
            }
        }
    }

    /// <summary>Throws, saying why, unless <paramref name="startsAt"/> is a slot the place offers now.</summary>
    public void EnsureOffered(ViewingPlace place, DateTimeOffset startsAt, DateTimeOffset now, DateOnly? lastDay)
    {
        if (!place.IsActive)
        {
            throw new DomainException("appointment.place_closed", AppointmentTexts.PlaceInactive);
        }
        var day = BangkokTime.DateOf(startsAt);
        if (!place.SlotTimesOn(day.DayOfWeek).Contains(BangkokTime.TimeOf(startsAt)))
        {
            throw new DomainException("appointment.not_a_slot", AppointmentTexts.NotASlot);
        }
        if (ClosedOn(day) is { } closed)
        {
            throw new DomainException("appointment.closed_day", AppointmentTexts.ClosedDay(closed.Name));
        }
        if (lastDay is { } last && day > last)
        {
            throw new DomainException("appointment.after_overwrite", AppointmentTexts.AfterOverwrite(last));
        }
        var window = Window(place, now, null);
        if (startsAt < now + place.LatestChange || day > window.Last)
        {
            throw new DomainException("appointment.outside_window", AppointmentTexts.OutsideWindow(place.LatestChangeHours, place.DaysAhead));
        }
    }
}
