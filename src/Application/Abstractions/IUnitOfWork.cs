namespace CctvRequests.Application.Abstractions;

/// <summary>
/// The one transaction a command's changes commit in, begun and ended by the transaction
/// behaviour; handlers never touch it.
/// </summary>
public interface IUnitOfWork
{
    bool InTransaction { get; }

    Task BeginAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync();

    /// <summary>Holds an exclusive lock on <paramref name="name"/> until the transaction ends.</summary>
    Task LockAsync(string name, CancellationToken cancellationToken);
}
