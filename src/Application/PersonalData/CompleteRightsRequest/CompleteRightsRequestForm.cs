using CctvRequests.Application.Common;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Privacy;
using FluentValidation;

namespace CctvRequests.Application.PersonalData.CompleteRightsRequest;

/// <summary>The body of "done": an optional note of what was done.</summary>
public sealed record CompleteRightsRequestForm(string? Note = null)
{
    /// <summary>After <see cref="CompleteRightsRequestFormValidator"/> passed: the one mapping.</summary>
    public CompleteRightsRequestCommand ToCommand(Guid id) => new(id, OptionalText.Of(Note));

    public override string ToString() => nameof(CompleteRightsRequestForm);
}

public sealed class CompleteRightsRequestFormValidator : AbstractValidator<CompleteRightsRequestForm>
{
    public CompleteRightsRequestFormValidator() => RuleFor(x => x.Note).StaffText("note", SubjectRightsRequest.NoteMax, required: null);
}
