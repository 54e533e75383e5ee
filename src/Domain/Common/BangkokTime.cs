namespace CctvRequests.Domain.Common;

/// <summary>
/// Thailand keeps UTC+7 all year (no daylight saving), so "today" for a citizen is the UTC
/// instant plus seven hours; no time-zone database is needed.
/// </summary>
public static class BangkokTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>Buddhist Era year: CE + 543.</summary>
    public static int BuddhistYear(DateOnly date) => date.Year + 543;
}
