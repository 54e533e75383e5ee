namespace CctvRequests.Application.PersonalData;

/// <summary>
/// <c>Retention</c>: how long a closed request keeps its personal data (the privacy notice promises
/// at most 3 years after the request ends), and how often the retention run looks.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    public int Years { get; set; } = 3;

    /// <summary>The background run (at start, then every <see cref="IntervalHours"/>); off, only the <c>retention run</c> command erases.</summary>
    public bool Enabled { get; set; } = true;

    public int IntervalHours { get; set; } = 6;

    /// <summary>Requests erased per transaction; a run goes on until none is due.</summary>
    public int BatchSize { get; set; } = 100;

    public TimeSpan Interval => TimeSpan.FromHours(Math.Max(1, IntervalHours));
}
