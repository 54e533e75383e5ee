namespace CctvRequests.Domain.Common;

/// <summary>
/// Thailand's time (Asia/Bangkok, UTC+7 all year, no daylight saving). Every "today", every opening hour and every
/// appointment slot is reckoned here, never in the server's own time zone: the process may run in any zone (ADR 0019).
/// </summary>
public static class BangkokTime
{
    public const string ZoneId = "Asia/Bangkok";

    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>
    /// The zone from the system's time-zone database; a host without one (a minimal container) gets a zone of the same
    /// id and fixed offset, which is what Asia/Bangkok has been since 1920.
    /// </summary>
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The wall-clock time in Bangkok at <paramref name="instant"/>.</summary>
    public static TimeOnly TimeOf(DateTimeOffset instant) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant at which Bangkok's clocks show <paramref name="time"/> on <paramref name="date"/>.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>Buddhist Era year: CE + 543.</summary>
    public static int BuddhistYear(DateOnly date) => date.Year + 543;

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(ZoneId, Offset, ZoneId, "ICT");
        }
    }
}
