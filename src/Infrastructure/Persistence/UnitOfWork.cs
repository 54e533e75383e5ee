using CctvRequests.Application.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CctvRequests.Infrastructure.Persistence;

/// <summary>A PostgreSQL transaction on the request's <see cref="AppDbContext"/>.</summary>
public sealed class UnitOfWork(AppDbContext db) : IUnitOfWork
{
    private IDbContextTransaction? _transaction;

    public bool InTransaction => _transaction is not null;

    public async Task BeginAsync(CancellationToken cancellationToken) =>
        _transaction = await db.Database.BeginTransactionAsync(cancellationToken);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Current.CommitAsync(cancellationToken);
        }
        finally
        {
            await EndAsync();
        }
    }

    public async Task RollbackAsync()
    {
        try
        {
            if (_transaction is not null && db.Database.GetDbConnection().State == System.Data.ConnectionState.Open)
            {
                await _transaction.RollbackAsync(CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or Npgsql.NpgsqlException)
        {
            // The connection broke: PostgreSQL has rolled the transaction back itself.
        }
        finally
        {
            await EndAsync();
        }
    }

    /// <summary>A transaction-scoped advisory lock: released by PostgreSQL at commit or rollback.</summary>
    public async Task LockAsync(string name, CancellationToken cancellationToken)
    {
        _ = Current;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({name}, 0))", cancellationToken);
    }

    private IDbContextTransaction Current => _transaction ?? throw new InvalidOperationException("No transaction: commands run inside TransactionBehavior.");

    private async Task EndAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }
}
