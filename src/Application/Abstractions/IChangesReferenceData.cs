namespace CctvRequests.Application.Abstractions;

/// <summary>
/// A command that changes what every page reads (stations, the organization, the privacy notice,
/// cancellation reasons): when it completes, every cache of that data is dropped.
/// </summary>
public interface IChangesReferenceData;

/// <summary>A cache of reference data, told when it changed (after the commit).</summary>
public interface IReferenceDataListener
{
    ValueTask ChangedAsync(CancellationToken cancellationToken);
}
