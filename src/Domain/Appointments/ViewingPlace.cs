using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Appointments;

/// <summary>One range of a weekday in which a viewing place receives visitors, in Bangkok's time.</summary>
public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>What an administrator sets for a viewing place; typed, after the form's validator.</summary>
public sealed record ViewingPlaceDetails(
    Text Name,
    Text Address,
    string? MapUrl,
    Text WhatToBring,
    IReadOnlyList<OpeningHours> Hours,
    int SlotMinutes,
    int Seats,
    int DaysAhead,
    int LatestChangeHours,
    bool IsActive,
    int SortOrder);

/// <summary>
/// A room where an approved applicant views footage (SPEC decision 17): its weekly opening hours in Bangkok's time,
/// cut into slots of <see cref="SlotMinutes"/>, each with <see cref="Seats"/> seats; booked up to
/// <see cref="DaysAhead"/> days ahead, and changed or cancelled until <see cref="LatestChangeHours"/> before it starts.
/// Data, not code: administrators add and change places; one that stops taking visitors is made inactive, never deleted
/// (bookings name it).
/// </summary>
public sealed class ViewingPlace
{
    public const int NameMax = 200;
    public const int AddressMax = 500;
    public const int MapUrlMax = 500;
    public const int WhatToBringMax = 1000;
    public const int SlotMinutesMin = 10;
    public const int SlotMinutesMax = 240;
    public const int DefaultSlotMinutes = 30;
    public const int SeatsMin = 1;
    public const int SeatsMax = 20;
    public const int DefaultSeats = 1;
    public const int DaysAheadMin = 1;
    public const int DaysAheadMax = 90;
    public const int DefaultDaysAhead = 14;
    public const int LatestChangeHoursMin = 0;
    public const int LatestChangeHoursMax = 72;
    public const int DefaultLatestChangeHours = 2;
    public const int HoursMax = 21;

    private readonly List<OpeningHours> _hours = [];

    private ViewingPlace()
    {
        NameTh = NameEn = AddressTh = AddressEn = WhatToBringTh = WhatToBringEn = string.Empty;
    }

    public int Id { get; private set; }
    public string NameTh { get; private set; }
    public string NameEn { get; private set; }
    public string AddressTh { get; private set; }
    public string AddressEn { get; private set; }

    /// <summary>An http(s) link to the place on a map; null when none was given.</summary>
    public string? MapUrl { get; private set; }

    public string WhatToBringTh { get; private set; }
    public string WhatToBringEn { get; private set; }
    public int SlotMinutes { get; private set; }
    public int Seats { get; private set; }
    public int DaysAhead { get; private set; }
    public int LatestChangeHours { get; private set; }
    public bool IsActive { get; private set; }
    public int SortOrder { get; private set; }

    /// <summary>Weekly opening hours, in Bangkok's time; a day without any is closed.</summary>
    public IReadOnlyList<OpeningHours> Hours => _hours;

    public Text Name => new(NameTh, NameEn);
    public Text Address => new(AddressTh, AddressEn);
    public Text WhatToBring => new(WhatToBringTh, WhatToBringEn);
    public TimeSpan SlotLength => TimeSpan.FromMinutes(SlotMinutes);

    /// <summary>How long before a visit it can still be changed or cancelled.</summary>
    public TimeSpan LatestChange => TimeSpan.FromHours(LatestChangeHours);

    public static ViewingPlace Create(ViewingPlaceDetails details)
    {
        var place = new ViewingPlace();
        place.Update(details);
        return place;
    }

    /// <summary>An administrator changes the place; bookings already made keep their times.</summary>
    public void Update(ViewingPlaceDetails d)
    {
        InRange(d.SlotMinutes, SlotMinutesMin, SlotMinutesMax, "slot_minutes", AppointmentTexts.SlotMinutesRange);
        InRange(d.Seats, SeatsMin, SeatsMax, "seats", AppointmentTexts.SeatsRange);
        InRange(d.DaysAhead, DaysAheadMin, DaysAheadMax, "days_ahead", AppointmentTexts.DaysAheadRange);
        InRange(d.LatestChangeHours, LatestChangeHoursMin, LatestChangeHoursMax, "latest_change", AppointmentTexts.LatestChangeRange);
        if (d.MapUrl is { Length: > 0 } url && !IsWebLink(url))
        {
            throw new DomainException("viewing_place.map_url", AppointmentTexts.MapUrlInvalid);
        }
        CheckHours(d.Hours);
        NameTh = Guard.Text(d.Name.Th, "name", 1, NameMax);
        NameEn = Guard.Text(d.Name.En, "nameEn", 1, NameMax);
        AddressTh = Guard.Text(d.Address.Th, "address", 1, AddressMax);
        AddressEn = Guard.Text(d.Address.En, "addressEn", 1, AddressMax);
        MapUrl = string.IsNullOrWhiteSpace(d.MapUrl) ? null : d.MapUrl.Trim();
        WhatToBringTh = Guard.Text(d.WhatToBring.Th, "whatToBring", 1, WhatToBringMax);
        WhatToBringEn = Guard.Text(d.WhatToBring.En, "whatToBringEn", 1, WhatToBringMax);
        SlotMinutes = d.SlotMinutes;
        Seats = d.Seats;
        DaysAhead = d.DaysAhead;
        LatestChangeHours = d.LatestChangeHours;
        IsActive = d.IsActive;
        SortOrder = d.SortOrder;
        _hours.Clear();
        _hours.AddRange(d.Hours.OrderBy(h => h.Day).ThenBy(h => h.Opens));
    }

    /// <summary>The start times of the day's slots, in Bangkok's time: each range cut into whole slots, a remainder left unused.</summary>
    public IEnumerable<TimeOnly> SlotTimesOn(DayOfWeek day)
    {
        foreach (var range in _hours.Where(h => h.Day == day).OrderBy(h => h.Opens))
        {
            for (var start = range.Opens.ToTimeSpan(); start + SlotLength <= range.Closes.ToTimeSpan(); start += SlotLength)
            {
                yield return TimeOnly.FromTimeSpan(start);
            }
        }
    }

    /// <summary>Only http and https links are kept: a map link is shown as a link to citizens.</summary>
    public static bool IsWebLink(string value) =>
        value.Trim().Length <= MapUrlMax && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !string.IsNullOrEmpty(uri.Host);

    private static void CheckHours(IReadOnlyList<OpeningHours> hours)
    {
        if (hours.Count > HoursMax)
        {
            throw new DomainException("viewing_place.hours", AppointmentTexts.HoursTooMany);
        }
        foreach (var range in hours)
        {
            if (!Enum.IsDefined(range.Day) || range.Opens >= range.Closes)
            {
                throw new DomainException("viewing_place.hours", AppointmentTexts.HoursOrder);
            }
        }
        foreach (var day in hours.GroupBy(h => h.Day))
        {
            var ordered = day.OrderBy(h => h.Opens).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Opens < ordered[i - 1].Closes)
                {
                    throw new DomainException("viewing_place.hours", AppointmentTexts.HoursOverlap);
                }
            }
        }
    }

    private static void InRange(int value, int min, int max, string code, Text message)
    {
        if (value < min || value > max)
        {
            throw new DomainException($"viewing_place.{code}", message);
        }
    }
}
