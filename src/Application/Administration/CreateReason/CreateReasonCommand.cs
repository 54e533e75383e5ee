using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Administration.ListReasons;
using CctvRequests.Application.Audit;
using CctvRequests.Domain.Requests;
using Mediator;

namespace CctvRequests.Application.Administration.CreateReason;

public sealed record CreateReasonCommand(string Code, ReasonSettings Reason) : ICommand<ReasonDto>, IAuditedMessage, IChangesReferenceData
{
    public AuditAction? AuditAction => Audit.AuditAction.CreateCancellationReason;

    public string? AuditReference => null;

    public string? AuditDetails => Code;
}

public sealed class CreateReasonHandler(IAppDbContext db) : ICommandHandler<CreateReasonCommand, ReasonDto>
{
    public async ValueTask<ReasonDto> Handle(CreateReasonCommand command, CancellationToken cancellationToken)
    {
        var reason = CancellationReason.Create(command.Code, command.Reason.Label, command.Reason.IsActive, command.Reason.SortOrder);
        db.CancellationReasons.Add(reason);
        await db.SaveChangesAsync(cancellationToken);
        return ReasonDto.Of(reason);
    }
}
