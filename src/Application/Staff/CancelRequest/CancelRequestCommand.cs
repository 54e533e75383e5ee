using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Notifications;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Requests;
using Mediator;

namespace CctvRequests.Application.Staff.CancelRequest;

/// <summary>Pending or Received → Cancelled, with the reason and the message the citizen reads.</summary>
public sealed record CancelRequestCommand(ReferenceNumber Reference, uint ExpectedVersion, string ReasonCode, string Message, string? Note)
    : ICommand<RequestStatus>, IAuditedMessage, IReferencedCommand
{
    public AuditAction? AuditAction => Audit.AuditAction.CancelRequest;

    public string? AuditReference => Reference.Value;

    public string? AuditDetails => ReasonCode;
}

public sealed class CancelRequestHandler(IAppDbContext db, ICurrentUser user, RequestEvents events, TimeProvider clock) : ICommandHandler<CancelRequestCommand, RequestStatus>
{
    public async ValueTask<RequestStatus> Handle(CancelRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await StaffRequestLoader.ForChangeAsync(db, command.Reference, command.ExpectedVersion, cancellationToken);
        request.Cancel(user.Actor, clock.GetUtcNow(), command.ReasonCode, command.Message, command.Note);
        await events.RaiseAsync(request, MessageEvent.Cancelled, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return request.Status;
    }
}
