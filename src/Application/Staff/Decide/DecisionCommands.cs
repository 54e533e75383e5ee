using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Staff.Decide;

/// <summary>A command on one request, named by its reference number.</summary>
public interface IReferencedCommand
{
    ReferenceNumber Reference { get; }
}

/// <summary>Pending → Received: the officer takes the request up the approval chain.</summary>
public sealed record ReceiveRequestCommand(ReferenceNumber Reference, uint ExpectedVersion, string? Note) : ICommand<RequestStatus>, IAuditedMessage, IReferencedCommand
{
    public AuditAction? AuditAction => Audit.AuditAction.ReceiveRequest;

    public string? AuditReference => Reference.Value;
}

/// <summary>Received → Approved, by an Approver or an Admin.</summary>
public sealed record ApproveRequestCommand(ReferenceNumber Reference, uint ExpectedVersion, string? Note) : ICommand<RequestStatus>, IAuditedMessage, IReferencedCommand
{
    public AuditAction? AuditAction => Audit.AuditAction.ApproveRequest;

    public string? AuditReference => Reference.Value;
}

/// <summary>Pending or Received → Cancelled, with the reason and the message the citizen reads.</summary>
public sealed record CancelRequestCommand(ReferenceNumber Reference, uint ExpectedVersion, string ReasonCode, string Message, string? Note)
    : ICommand<RequestStatus>, IAuditedMessage, IReferencedCommand
{
    public AuditAction? AuditAction => Audit.AuditAction.CancelRequest;

    public string? AuditReference => Reference.Value;

    public string? AuditDetails => ReasonCode;
}

public sealed class DecisionHandlers(IAppDbContext db, ICurrentUser user, TimeProvider clock) :
    ICommandHandler<ReceiveRequestCommand, RequestStatus>,
    ICommandHandler<ApproveRequestCommand, RequestStatus>,
    ICommandHandler<CancelRequestCommand, RequestStatus>
{
    public ValueTask<RequestStatus> Handle(ReceiveRequestCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(command.Reference, command.ExpectedVersion, r => r.Receive(user.Actor, clock.GetUtcNow(), command.Note), cancellationToken);

    public ValueTask<RequestStatus> Handle(ApproveRequestCommand command, CancellationToken cancellationToken)
    {
        if (!StaffRoles.Approvers.Any(user.IsInRole))
        {
            throw new ForbiddenException();
        }
        return ChangeAsync(command.Reference, command.ExpectedVersion, r => r.Approve(user.Actor, clock.GetUtcNow(), command.Note), cancellationToken);
    }

    public ValueTask<RequestStatus> Handle(CancelRequestCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(command.Reference, command.ExpectedVersion,
            r => r.Cancel(user.Actor, clock.GetUtcNow(), command.ReasonCode, command.Message, command.Note), cancellationToken);

    private async ValueTask<RequestStatus> ChangeAsync(ReferenceNumber reference, uint version, Action<FootageRequest> change, CancellationToken cancellationToken)
    {
        var request = await StaffRequestLoader.ForChangeAsync(db, reference, version, cancellationToken);
        change(request);
        await db.SaveChangesAsync(cancellationToken);
        return request.Status;
    }
}

/// <summary>The body of a receive or approve: an optional internal note.</summary>
public sealed record DecisionForm(string? Note = null)
{
    public override string ToString() => nameof(DecisionForm);
}

/// <summary>The body of a cancel as it came.</summary>
public sealed record CancelForm(string? ReasonCode, string? Message, string? Note = null)
{
    public CancelRequestCommand ToCommand(ReferenceNumber reference, uint version) =>
        new(reference, version, ReasonCode!.Trim(), Message!.Trim(), Note?.Trim());

    public override string ToString() => nameof(CancelForm);
}

public sealed class DecisionFormValidator : AbstractValidator<DecisionForm>
{
    public DecisionFormValidator() => RuleFor(x => x.Note).StaffText("note", RequestLimits.NoteMax, required: null);
}

public sealed class CancelFormValidator : AbstractValidator<CancelForm>
{
    public static readonly Text UnknownReason = new("กรุณาเลือกเหตุผลที่ยกเลิก", "Choose the reason for cancelling.");
    public static readonly Text MessageRequired = new("กรุณากรอกข้อความที่จะแจ้งผู้ยื่นคำร้อง", "Write the message the applicant will read.");

    /// <summary>A reason officers may choose: known, in use, and not one the system keeps for itself.</summary>
    public CancelFormValidator(IAppDbContext db)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.ReasonCode)
            .Must(CancellationReason.IsWellFormedCode).Says(UnknownReason)
            .MustAsync((v, ct) => db.CancellationReasons.AnyAsync(r => r.Code == v && r.IsActive && !r.IsSystem, ct)).Says(UnknownReason);
        RuleFor(x => x.Message).StaffText("message", RequestLimits.PublicMessageMax, required: MessageRequired);
        RuleFor(x => x.Note).StaffText("note", RequestLimits.NoteMax, required: null);
    }
}
