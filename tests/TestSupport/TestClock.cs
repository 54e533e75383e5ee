using Microsoft.Extensions.Time.Testing;

namespace CctvRequests.TestSupport;

/// <summary>
/// "Now" for a test run: noon in Bangkok on the day the run started, so no test depends on the
/// hour it runs at (a run across midnight sees one "today" throughout). Each reading moves the
/// clock on by a millisecond, so events keep their order.
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(7));

    /// <summary>The day in Bangkok the tests call today.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(Start.DateTime);

    public static FakeTimeProvider NewProvider() => new(Start.ToUniversalTime()) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
}
