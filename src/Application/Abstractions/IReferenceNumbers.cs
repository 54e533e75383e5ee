using CctvRequests.Domain.Requests;

namespace CctvRequests.Application.Abstractions;

/// <summary>Hands out the next reference number of a Buddhist Era year, inside the caller's transaction (no gaps on rollback).</summary>
public interface IReferenceNumbers
{
    Task<ReferenceNumber> NextAsync(int buddhistYear, CancellationToken cancellationToken);
}
