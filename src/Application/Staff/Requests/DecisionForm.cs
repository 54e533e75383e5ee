using CctvRequests.Application.Common;
using CctvRequests.Application.Staff.ApproveRequest;
using CctvRequests.Application.Staff.ReceiveRequest;
using CctvRequests.Domain.Requests;
using FluentValidation;

namespace CctvRequests.Application.Staff.Requests;

/// <summary>The body of a receive or an approve as it came: an optional internal note.</summary>
public sealed record DecisionForm(string? Note = null)
{
    public ReceiveRequestCommand ToReceiveCommand(ReferenceNumber reference, uint version) => new(reference, version, OptionalText.Of(Note));

    public ApproveRequestCommand ToApproveCommand(ReferenceNumber reference, uint version) => new(reference, version, OptionalText.Of(Note));

    public override string ToString() => nameof(DecisionForm);
}

public sealed class DecisionFormValidator : AbstractValidator<DecisionForm>
{
    public DecisionFormValidator() => RuleFor(x => x.Note).StaffText("note", RequestLimits.NoteMax, required: null);
}
