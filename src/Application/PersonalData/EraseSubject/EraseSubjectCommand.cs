using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Notifications;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.PersonalData.EraseSubject;

/// <summary>PDPA s.33: every request of the person loses its personal data and files; open ones are cancelled (reason <c>Erased</c>).</summary>
public sealed record EraseSubjectCommand(IdentityDocument Document, string Reason, Guid? RightsRequestId) : ICommand<ErasureResult>
{
    public override string ToString() => nameof(EraseSubjectCommand);
}

/// <summary>Each request erased is audited with the reason; the caller deletes the files once this is committed.</summary>
public sealed class EraseSubjectHandler(IAppDbContext db, IIdentityIndex index, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : ICommandHandler<EraseSubjectCommand, ErasureResult>
{
    public async ValueTask<ErasureResult> Handle(EraseSubjectCommand command, CancellationToken cancellationToken)
    {
        var requests = await db.FootageRequests.OfPerson(index, command.Document).WithEverything().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var files = new List<string>();
        var cancelled = 0;
        var erased = 0;
        var erasedIds = new List<Guid>();
        foreach (var request in requests.Where(r => r.ErasedAt is null))
        {
            cancelled += request.CanCancel() ? 1 : 0;
            files.AddRange(request.ErasePersonalData(user.Actor, now));
            erased++;
            erasedIds.Add(request.Id);
            audit.Record(AuditAction.EraseSubject, request.ReferenceNumber.Value, $"reason: {command.Reason}");
        }
        await db.EraseMessagesOfAsync(erasedIds, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ErasureResult(erased, cancelled, files);
    }
}
