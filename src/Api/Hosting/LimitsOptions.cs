namespace CctvRequests.Api.Hosting;

/// <summary>
/// <c>Limits</c>: what one request may cost. Every body is capped (<see cref="MaxBodyBytes"/>) unless its
/// endpoint says otherwise (the submission, a hand-over, a logo); every call has a time limit;
/// submissions must keep sending and only so many run at once.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>JSON bodies and anything without a limit of its own.</summary>
    public long MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>A whole submission, upload included: 30 MB needs about 1.4 Mbit/s.</summary>
    public int SubmissionTimeoutSeconds { get; set; } = 180;

    /// <summary>Below this an upload is dropped (after a 15-second grace period): a trickle holds a connection and a temporary file.</summary>
    public int SubmissionMinBytesPerSecond { get; set; } = 4096;

    /// <summary>Submissions processed at once; more wait in a queue of <see cref="SubmissionQueue"/>, beyond which 503.</summary>
    public int ConcurrentSubmissions { get; set; } = 16;

    public int SubmissionQueue { get; set; } = 32;

    /// <summary>
    /// Password checks (PBKDF2, 210,000 rounds: tens of milliseconds of a core each) run at once; more wait in a
    /// queue of <see cref="PasswordCheckQueue"/>, beyond which 503. Half the cores by default, so a burst of
    /// sign-ins cannot starve every other call.
    /// </summary>
    public int ConcurrentPasswordChecks { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    public int PasswordCheckQueue { get; set; } = 16;

    /// <summary>Every other API call.</summary>
    public int ApiTimeoutSeconds { get; set; } = 15;

    /// <summary>Files and exports a person downloads.</summary>
    public int DownloadTimeoutSeconds { get; set; } = 300;
}
