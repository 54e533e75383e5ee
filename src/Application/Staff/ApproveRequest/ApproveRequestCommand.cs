using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Notifications;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Requests;
using Mediator;

namespace CctvRequests.Application.Staff.ApproveRequest;

/// <summary>Received → Approved; the request itself says who may (<see cref="FootageRequest.IsApprover"/>).</summary>
public sealed record ApproveRequestCommand(ReferenceNumber Reference, uint ExpectedVersion, string? Note) : ICommand<RequestStatus>, IAuditedMessage, IReferencedCommand
{
    public AuditAction? AuditAction => Audit.AuditAction.ApproveRequest;

    public string? AuditReference => Reference.Value;
}

public sealed class ApproveRequestHandler(IAppDbContext db, ICurrentUser user, RequestEvents events, TimeProvider clock) : ICommandHandler<ApproveRequestCommand, RequestStatus>
{
    public async ValueTask<RequestStatus> Handle(ApproveRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await StaffRequestLoader.ForChangeAsync(db, command.Reference, command.ExpectedVersion, cancellationToken);
        request.Approve(user.Actor, user.Role, clock.GetUtcNow(), command.Note);
        await events.RaiseAsync(request, MessageEvent.Approved, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return request.Status;
    }
}
