using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CctvRequests.TestSupport;

/// <summary>
/// When armed, the next commit fails as when PostgreSQL is stopped during it: before the commit
/// reaches the server (nothing saved), or after it was done (saved, but the answer lost).
/// </summary>
public sealed class CommitFailureSwitch : DbTransactionInterceptor
{
    private int _mode;

    public void ArmBeforeCommit() => Interlocked.Exchange(ref _mode, 1);

    public void ArmAfterCommit() => Interlocked.Exchange(ref _mode, 2);

    public void Disarm() => Interlocked.Exchange(ref _mode, 0);

    private static PostgresException Terminated() => new("terminating connection due to administrator command", "FATAL", "FATAL", "57P01");

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        Interlocked.CompareExchange(ref _mode, 0, 1) == 1 ? throw Terminated() : base.TransactionCommittingAsync(transaction, eventData, result, cancellationToken);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Interlocked.CompareExchange(ref _mode, 0, 2) == 2 ? throw Terminated() : base.TransactionCommittedAsync(transaction, eventData, cancellationToken);
}
