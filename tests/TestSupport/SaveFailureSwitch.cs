using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CctvRequests.TestSupport;

/// <summary>When armed, the next SaveChanges fails as a lost database would, after the files were written.</summary>
public sealed class SaveFailureSwitch : SaveChangesInterceptor
{
    private int _armed;

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    public void Disarm() => Interlocked.Exchange(ref _armed, 0);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            throw new DbUpdateException("Forced database failure (test).");
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
