namespace CctvRequests.Application.Abstractions;

/// <summary>
/// Scans a staged upload before it is accepted. When no scanner is configured every file passes
/// (<see cref="Enabled"/> is false); when one is configured and cannot answer, the scan throws
/// <see cref="Common.ServiceUnavailableException"/> so that nothing is accepted unscanned.
/// </summary>
public interface IVirusScanner
{
    bool Enabled { get; }

    /// <summary>Null when the file is clean; otherwise the name of what was found.</summary>
    Task<string?> ScanAsync(string path, CancellationToken cancellationToken);
}
