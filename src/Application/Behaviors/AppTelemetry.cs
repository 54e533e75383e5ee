using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CctvRequests.Application.Behaviors;

/// <summary>
/// The application's own spans and measures (OpenTelemetry reads them by the name <see cref="Name"/>). Every tag
/// and label is a name from a short, fixed list (a message's type, an outcome, a channel): never a value a citizen
/// or an officer typed, so no national ID, passport, phone, e-mail, name or token can reach a trace or a metric.
/// </summary>
public static class AppTelemetry
{
    public const string Name = "CctvRequests";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Submissions =
        Meter.CreateCounter<long>("cctv.submissions", "{submission}", "Citizens' submissions by outcome (ok, validation, conflict, ...).");

    public static readonly Counter<long> Decisions =
        Meter.CreateCounter<long>("cctv.decisions", "{decision}", "Officers' decisions (receive, approve, cancel) by outcome.");

    public static readonly Counter<long> SignInFailures =
        Meter.CreateCounter<long>("cctv.staff.sign_in_failures", "{failure}", "Refused staff sign-ins by cause.");

    public static readonly Counter<long> RateLimitRefusals =
        Meter.CreateCounter<long>("cctv.rate_limit.refusals", "{refusal}", "Requests refused by a rate limit or a busy limit, by route.");

    public static readonly Histogram<double> ClamdDuration =
        Meter.CreateHistogram<double>("cctv.clamd.duration", "s", "How long clamd took to scan one upload, by result.");

    public static readonly Counter<long> OrphansRemoved =
        Meter.CreateCounter<long>("cctv.storage.orphans_removed", "{object}", "Stored objects no row named, removed by the reconciliation.");

    public static readonly Counter<long> MessageFailures =
        Meter.CreateCounter<long>("cctv.outbox.send_failures", "{message}", "E-mails, SMS and webhooks that failed to send, by channel and whether given up.");

    /// <summary>An outcome label for a message that threw: its exception's kind, from a fixed set of types.</summary>
    public static string OutcomeOf(Exception exception)
    {
        var name = exception.GetType().Name;
        return name.EndsWith("Exception", StringComparison.Ordinal) ? name[..^"Exception".Length] : name;
    }
}
