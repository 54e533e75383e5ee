using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Notifications;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Requests;
using Mediator;

namespace CctvRequests.Application.Staff.ReceiveRequest;

/// <summary>Pending → Received: the officer takes the request up the approval chain.</summary>
public sealed record ReceiveRequestCommand(ReferenceNumber Reference, uint ExpectedVersion, string? Note) : ICommand<RequestStatus>, IAuditedMessage, IReferencedCommand
{
    public AuditAction? AuditAction => Audit.AuditAction.ReceiveRequest;

    public string? AuditReference => Reference.Value;
}

public sealed class ReceiveRequestHandler(IAppDbContext db, ICurrentUser user, RequestEvents events, TimeProvider clock) : ICommandHandler<ReceiveRequestCommand, RequestStatus>
{
    public async ValueTask<RequestStatus> Handle(ReceiveRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await StaffRequestLoader.ForChangeAsync(db, command.Reference, command.ExpectedVersion, cancellationToken);
        request.Receive(user.Actor, clock.GetUtcNow(), command.Note);
        await events.RaiseAsync(request, MessageEvent.Received, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return request.Status;
    }
}
