using CctvRequests.Domain.Requests;
using FluentValidation;

namespace CctvRequests.Application.Staff.AddNote;

/// <summary>The note as typed.</summary>
public sealed record NoteForm(string? Text)
{
    /// <summary>After <see cref="NoteFormValidator"/> passed: the one mapping.</summary>
    public AddNoteCommand ToCommand(ReferenceNumber reference) => new(reference, Text!.Trim());

    public override string ToString() => nameof(NoteForm);
}

public sealed class NoteFormValidator : AbstractValidator<NoteForm>
{
    public NoteFormValidator() => RuleFor(x => x.Text).StaffText("text", RequestNote.TextMax, required: StaffTextRules.Required);
}
