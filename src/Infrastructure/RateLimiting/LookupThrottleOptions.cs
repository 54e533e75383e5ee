namespace CctvRequests.Infrastructure.RateLimiting;

/// <summary><c>RateLimiting:Lookup</c>: how many national-ID lookups a client, and an ID, get per window.</summary>
public sealed class LookupThrottleOptions
{
    public const string Section = "RateLimiting:Lookup";

    public int PermitLimit { get; set; } = 5;
    public int WindowMinutes { get; set; } = 15;
}
