using System.Linq.Expressions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Appointments;
using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Appointments;

/// <summary>One slot of a viewing place: when it starts (an instant) and how many seats are still free.</summary>
public sealed record AppointmentSlotDto(int PlaceId, DateTimeOffset StartsAt, int SeatsLeft);

/// <summary>
/// A visit as the applicant sees it, in the caller's language: the place, what to bring, when, and until when it may be
/// changed or cancelled.
/// </summary>
public sealed record AppointmentDto(
    Guid Id,
    int PlaceId,
    string PlaceName,
    string Address,
    string? MapUrl,
    string WhatToBring,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Status,
    string StatusText,
    DateTimeOffset ChangeUntil,
    bool CanChange);

/// <summary>A visit on the staff lists: the request, the applicant, the station, whether the footage is preserved; and its record.</summary>
public sealed record StaffAppointmentDto(
    Guid Id,
    string ReferenceNumber,
    int PlaceId,
    string PlaceName,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Seat,
    string Status,
    string StatusText,
    string ApplicantName,
    string StationName,
    bool Preserved,
    DateOnly FootageOverwrittenOn,
    DateTimeOffset BookedAt,
    string BookedByName,
    DateTimeOffset? ClosedAt,
    string? ClosedByName,
    bool CanRecordOutcome);

/// <summary>A request's visits for its staff page: whether one may be booked now, and every booking with how it ended.</summary>
public sealed record RequestAppointmentsDto(bool CanBook, DateOnly? LastViewingDay, IReadOnlyList<StaffAppointmentDto> Appointments);

/// <summary>A weekly opening range: <c>Monday</c>..<c>Sunday</c>, <c>HH:mm</c> in Bangkok's time.</summary>
public sealed record OpeningHoursDto(string Day, string Opens, string Closes);

/// <summary>A viewing place with every text in Thai and English, its hours and its booking rules.</summary>
public sealed record ViewingPlaceDto(
    int Id,
    Text Name,
    Text Address,
    string? MapUrl,
    Text WhatToBring,
    IReadOnlyList<OpeningHoursDto> Hours,
    int SlotMinutes,
    int Seats,
    int DaysAhead,
    int LatestChangeHours,
    bool IsActive,
    int SortOrder);

/// <summary>A closed day; for a yearly one the year of <c>Date</c> does not matter.</summary>
public sealed record ClosedDayDto(int Id, DateOnly Date, bool Yearly, Text Name);

public static class AppointmentDtos
{
    /// <summary>A visit that holds a seat of its slot (the database's unique index has the same condition).</summary>
    public static readonly Expression<Func<Appointment, bool>> HoldsSeat =
        a => a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Attended || a.Status == AppointmentStatus.NoShow;

    public static AppointmentDto Of(Appointment a, ViewingPlace place, DateTimeOffset now) => new(
        a.Id, a.PlaceId, Lang.Of(place.Name), Lang.Of(place.Address), place.MapUrl, Lang.Of(place.WhatToBring), a.StartsAt, a.EndsAt,
        a.Status.ToString(), Lang.Of(AppointmentStatusText.Of(a.Status)), a.ChangeUntil, a.CanChange(now));

    public static ViewingPlaceDto Of(ViewingPlace p) => new(
        p.Id, p.Name, p.Address, p.MapUrl, p.WhatToBring,
        p.Hours.Select(h => new OpeningHoursDto(h.Day.ToString(), h.Opens.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            h.Closes.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))).ToList(),
        p.SlotMinutes, p.Seats, p.DaysAhead, p.LatestChangeHours, p.IsActive, p.SortOrder);

    public static ClosedDayDto Of(ClosedDay d) => new(d.Id, d.Date, d.Yearly, d.Name);
}
