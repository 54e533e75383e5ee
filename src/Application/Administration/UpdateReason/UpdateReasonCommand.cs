using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Administration.ListReasons;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Administration.UpdateReason;

public sealed record UpdateReasonCommand(string Code, ReasonSettings Reason) : ICommand<ReasonDto>, IAuditedMessage, IChangesReferenceData
{
    public AuditAction? AuditAction => Audit.AuditAction.UpdateCancellationReason;

    public string? AuditReference => null;

    public string? AuditDetails => Code;
}

public sealed class UpdateReasonHandler(IAppDbContext db) : ICommandHandler<UpdateReasonCommand, ReasonDto>
{
    public static readonly Text NotFound = new("ไม่พบเหตุผลนี้", "No such reason.");

    /// <summary>The reasons the system uses itself (retention, erasure) are not the administrators' to change.</summary>
    public static readonly Text SystemReason = new("เหตุผลนี้ระบบใช้เอง แก้ไขไม่ได้", "The system uses this reason itself; it cannot be changed.");

    public async ValueTask<ReasonDto> Handle(UpdateReasonCommand command, CancellationToken cancellationToken)
    {
        var reason = await db.CancellationReasons.SingleOrDefaultAsync(r => r.Code == command.Code, cancellationToken) ?? throw new NotFoundException(NotFound);
        if (reason.IsSystem)
        {
            throw new ConflictException(SystemReason);
        }
        reason.Update(command.Reason.Label, command.Reason.IsActive, command.Reason.SortOrder);
        await db.SaveChangesAsync(cancellationToken);
        return ReasonDto.Of(reason);
    }
}
