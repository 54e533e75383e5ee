using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.OnlineCopy.ExpireOnlineCopies;

public sealed record ExpiredCopies(int Ended, IReadOnlyList<string> FilesToDelete);

/// <summary>
/// Online copies whose last day has passed end: their clips' keys are forgotten and answered for the caller to
/// delete after the commit (a crash in between leaves objects the reconciler removes). The names, sizes and
/// hashes stay in the hand-over record.
/// </summary>
public sealed record ExpireOnlineCopiesCommand : ICommand<ExpiredCopies>;

public sealed class ExpireOnlineCopiesHandler(IAppDbContext db, AuditTrail audit, TimeProvider clock) : ICommandHandler<ExpireOnlineCopiesCommand, ExpiredCopies>
{
    public async ValueTask<ExpiredCopies> Handle(ExpireOnlineCopiesCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = BangkokTime.DateOf(now);
        var due = await db.FootageRequests.Include(r => r.DeliveredClips)
            .Where(r => r.OnlineCopy.PublishedAt != null && r.OnlineCopy.EndedAt == null && r.OnlineCopy.ExpiresOn < today)
            .Take(500).ToListAsync(cancellationToken);
        var files = due.SelectMany(r => r.EndOnlineCopy(now, OnlineCopyEnd.Expired)).ToList();
        if (due.Count > 0)
        {
            audit.RecordFor(null, null, Actor.System.Name, AuditAction.ExpireOnlineCopies, $"ended {due.Count} online copies ({files.Count} clips)");
            await db.SaveChangesAsync(cancellationToken);
        }
        return new ExpiredCopies(due.Count, files);
    }
}
