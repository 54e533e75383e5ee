using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Appointments;
using CctvRequests.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Appointments;

/// <summary>
/// The slots on offer with their free seats: the places' calendars (hours, closed days, the request's last viewing day)
/// and the seats the database holds taken. What the applicant sees, what an officer books from, and what a refused
/// booking offers instead.
/// </summary>
public sealed class AppointmentSchedule(IAppDbContext db)
{
    /// <summary>How many free times a booking refused for a full slot names.</summary>
    public const int NextFreeCount = 3;

    public async Task<AppointmentCalendar> CalendarAsync(CancellationToken cancellationToken) =>
        new(await db.ClosedDays.AsNoTracking().ToListAsync(cancellationToken));

    public async Task<List<ViewingPlace>> ActivePlacesAsync(CancellationToken cancellationToken) =>
        await db.ViewingPlaces.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(cancellationToken);

    /// <summary>Every place by id, inactive ones too (old bookings name them).</summary>
    public async Task<Dictionary<int, ViewingPlace>> AllPlacesAsync(CancellationToken cancellationToken) =>
        await db.ViewingPlaces.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);

    public async Task<ViewingPlace> PlaceAsync(int id, CancellationToken cancellationToken) =>
        await db.ViewingPlaces.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw new Common.NotFoundException(NotFound);

    public static readonly Domain.Common.Text NotFound = new("ไม่พบสถานที่เข้าชมภาพนี้", "No such viewing place.");

    /// <summary>Every slot the active places offer the request now, earliest first, with the seats still free (full ones too, with 0).</summary>
    public async Task<List<AppointmentSlotDto>> SlotsAsync(FootageRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!request.CanBookAppointment())
        {
            return [];
        }
        var places = await ActivePlacesAsync(cancellationToken);
        var calendar = await CalendarAsync(cancellationToken);
        return await WithSeatsAsync(places, calendar, now, request.LastViewingDay, cancellationToken);
    }

    /// <summary>The free slots of <paramref name="place"/> nearest after <paramref name="asked"/> (or the earliest, when none is after it).</summary>
    public async Task<List<DateTimeOffset>> NextFreeAsync(ViewingPlace place, FootageRequest request, DateTimeOffset asked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var free = (await WithSeatsAsync([place], await CalendarAsync(cancellationToken), now, request.LastViewingDay, cancellationToken))
            .Where(s => s.SeatsLeft > 0).Select(s => s.StartsAt).ToList();
        var after = free.Where(s => s > asked).Take(NextFreeCount).ToList();
        return after.Count > 0 ? after : free.Take(NextFreeCount).ToList();
    }

    private async Task<List<AppointmentSlotDto>> WithSeatsAsync(
        IReadOnlyList<ViewingPlace> places, AppointmentCalendar calendar, DateTimeOffset now, DateOnly? lastDay, CancellationToken cancellationToken)
    {
        var slots = places.SelectMany(p => calendar.Slots(p, now, lastDay).Select(start => (Place: p, Start: start))).ToList();
        if (slots.Count == 0)
        {
            return [];
        }
        var ids = places.Select(p => p.Id).ToList();
        var (from, to) = (slots.Min(s => s.Start), slots.Max(s => s.Start));
        var taken = (await db.Appointments.AsNoTracking()
                .Where(a => ids.Contains(a.PlaceId) && a.StartsAt >= from && a.StartsAt <= to)
                .Where(AppointmentDtos.HoldsSeat)
                .GroupBy(a => new { a.PlaceId, a.StartsAt })
                .Select(g => new { g.Key.PlaceId, g.Key.StartsAt, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(t => (t.PlaceId, t.StartsAt), t => t.Count);
        return slots
            .Select(s => new AppointmentSlotDto(s.Place.Id, s.Start, Math.Max(0, s.Place.Seats - taken.GetValueOrDefault((s.Place.Id, s.Start)))))
            .OrderBy(s => s.StartsAt).ThenBy(s => s.PlaceId)
            .ToList();
    }
}
