using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Notifications;
using CctvRequests.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CctvRequests.Application.PersonalData.RunRetention;

/// <summary>
/// One batch of the retention run: the closed requests longest past their retention lose their
/// personal data (<see cref="Domain.Requests.FootageRequest.ErasePersonalData"/>); statistics keep
/// station, purpose, dates, status and reason. Open requests are never touched. The audit log gets
/// the counts only. The caller deletes the returned files after the commit, and repeats while
/// <see cref="RetentionBatch.More"/>.
/// </summary>
public sealed record RunRetentionCommand(bool FirstBatch = true) : ICommand<RetentionBatch>;

public sealed record RetentionBatch(int Erased, IReadOnlyList<string> FilesToDelete, bool More);

public sealed class RunRetentionHandler(IAppDbContext db, AuditTrail audit, IOptions<RetentionOptions> options, TimeProvider clock)
    : ICommandHandler<RunRetentionCommand, RetentionBatch>
{
    public async ValueTask<RetentionBatch> Handle(RunRetentionCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now.AddYears(-Math.Max(1, options.Value.Years));
        var batch = Math.Clamp(options.Value.BatchSize, 1, 1000);
        var due = await db.FootageRequests.PastRetention(cutoff).WithEverything().Take(batch).ToListAsync(cancellationToken);
        var files = new List<string>();
        foreach (var request in due)
        {
            files.AddRange(request.ErasePersonalData(Actor.System, now));
        }
        await db.EraseMessagesOfAsync(due.Select(r => r.Id).ToList(), cancellationToken);
        // Every run leaves its counts in the audit log (a run that found nothing says so once).
        if (due.Count > 0 || command.FirstBatch)
        {
            audit.RecordFor(null, null, Actor.System.Name, AuditAction.RetentionRun,
                $"erased {due.Count} requests closed before {cutoff:yyyy-MM-dd} ({files.Count} files)");
            await db.SaveChangesAsync(cancellationToken);
        }
        return new RetentionBatch(due.Count, files, due.Count == batch);
    }
}
