namespace CctvRequests.Infrastructure.Scanning;

/// <summary>
/// <c>Clamav</c>: where clamd listens. Set <c>Host</c> (and <c>Port</c>) or <c>Socket</c> to scan every
/// upload; leave both empty to accept uploads unscanned (the log says so at start).
/// </summary>
public sealed class ClamAvOptions
{
    public const string Section = "Clamav";

    public string? Host { get; set; }

    public int Port { get; set; } = 3310;

    /// <summary>A clamd Unix socket, e.g. <c>/run/clamav/clamd.ctl</c>; used instead of Host/Port.</summary>
    public string? Socket { get; set; }

    /// <summary>How long one scan may take, connection included.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    public bool Configured => !string.IsNullOrWhiteSpace(Host) || !string.IsNullOrWhiteSpace(Socket);
}
