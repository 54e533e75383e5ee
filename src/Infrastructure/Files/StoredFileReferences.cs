using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Requests;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Infrastructure.Files;

/// <summary>Asks on a new context (a new connection): the request's own may be the one that broke.</summary>
public sealed class StoredFileReferences(IServiceScopeFactory scopes) : IStoredFileReferences
{
    public async Task<bool> AnyReferencedAsync(IReadOnlyCollection<string> storageKeys, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var keys = storageKeys.ToList();
        return await db.Set<Attachment>().AsNoTracking().AnyAsync(a => keys.Contains(a.StorageKey), cancellationToken)
               || await db.Set<DeliveredClip>().AsNoTracking().AnyAsync(c => c.StorageKey != null && keys.Contains(c.StorageKey), cancellationToken);
    }
}
