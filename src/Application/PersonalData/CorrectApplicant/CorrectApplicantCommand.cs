using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Requests.Submit;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mediator;

namespace CctvRequests.Application.PersonalData.CorrectApplicant;

/// <summary>PDPA s.35: one field of the applicant corrected; the history names the field, never the old value.</summary>
public sealed record CorrectApplicantCommand(ReferenceNumber Reference, ApplicantField Field, string Value, string? Note, Guid? RightsRequestId)
    : ICommand<Unit>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.CorrectApplicant;

    public string? AuditReference => Reference.Value;

    public string? AuditDetails => $"field {Field}";

    public override string ToString() => nameof(CorrectApplicantCommand);
}

public sealed class CorrectApplicantHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CorrectApplicantCommand, Unit>
{
    public async ValueTask<Unit> Handle(CorrectApplicantCommand command, CancellationToken cancellationToken)
    {
        var request = await StaffRequestLoader.ForAppendAsync(db, command.Reference, cancellationToken);
        var note = $"แก้ไขข้อมูลผู้ยื่น: {Lang.Of(FormFieldOf(command.Field).Label)}"
                   + (command.Note is { } why ? $" — {why}" : string.Empty)
                   + (command.RightsRequestId is { } id ? $" (คำขอใช้สิทธิ {id.ToString()[..8]})" : string.Empty);
        request.CorrectApplicant(user.Actor, clock.GetUtcNow(), command.Field, command.Value, note);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    /// <summary>The citizen form's field for an applicant field: its label and its rules.</summary>
    public static FormField FormFieldOf(ApplicantField field) => field switch
    {
        ApplicantField.Title => SubmissionFields.Title,
        ApplicantField.FirstName => SubmissionFields.FirstName,
        ApplicantField.LastName => SubmissionFields.LastName,
        ApplicantField.Age => SubmissionFields.Age,
        ApplicantField.Ethnicity => SubmissionFields.Ethnicity,
        ApplicantField.Nationality => SubmissionFields.Nationality,
        ApplicantField.Address => SubmissionFields.Address,
        ApplicantField.Phone => SubmissionFields.Phone,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
