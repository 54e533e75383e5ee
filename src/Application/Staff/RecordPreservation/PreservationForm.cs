using CctvRequests.Domain.Requests;
using FluentValidation;

namespace CctvRequests.Application.Staff.RecordPreservation;

/// <summary>The preservation record as typed: what was exported or locked, where.</summary>
public sealed record PreservationForm(string? Note)
{
    /// <summary>After <see cref="PreservationFormValidator"/> passed: the one mapping.</summary>
    public RecordPreservationCommand ToCommand(ReferenceNumber reference) => new(reference, Note!.Trim());

    public override string ToString() => nameof(PreservationForm);
}

public sealed class PreservationFormValidator : AbstractValidator<PreservationForm>
{
    public PreservationFormValidator() => RuleFor(x => x.Note).StaffText("note", FootagePreservation.NoteMax, required: StaffTextRules.Required);
}
