using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.OnlineCopy.RemoveClip;

/// <summary>A clip uploaded by mistake, removed before the copy is sent; answers the stored key, which the caller deletes after the commit.</summary>
public sealed record RemoveClipCommand(ReferenceNumber Reference, Guid ClipId) : ICommand<string>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.RemoveClip;

    public string? AuditReference => Reference.Value;

    public string? AuditDetails => $"clip {ClipId}";
}

public sealed class RemoveClipHandler(IAppDbContext db) : ICommandHandler<RemoveClipCommand, string>
{
    public async ValueTask<string> Handle(RemoveClipCommand command, CancellationToken cancellationToken)
    {
        var request = await db.FootageRequests.Include(r => r.DeliveredClips).SingleOrDefaultAsync(r => r.ReferenceNumber == command.Reference, cancellationToken)
                      ?? throw new NotFoundException(StaffRequestLoader.NotFound);
        var key = request.RemoveDeliveredClip(command.ClipId);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }
}
