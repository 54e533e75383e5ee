using System.Globalization;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Requests;

namespace CctvRequests.Application.PersonalData.CorrectApplicant;

/// <summary>The correction as sent: which field (<see cref="ApplicantField"/>), its new value, a note and the rights request it answers.</summary>
public sealed record CorrectApplicantForm(string? Field, string? Value, string? Note = null, Guid? RightsRequestId = null)
{
    /// <summary>After <see cref="CorrectApplicantFormValidator"/> passed: the one mapping (an age in ASCII digits).</summary>
    public CorrectApplicantCommand ToCommand(ReferenceNumber reference)
    {
        var field = FieldOf(Field) ?? throw new InvalidOperationException("The field was validated before it was mapped.");
        var value = field == ApplicantField.Age && FormNumbers.TryParseInt(Value, out var age) ? age.ToString(CultureInfo.InvariantCulture) : Value!.Trim();
        return new CorrectApplicantCommand(reference, field, value, OptionalText.Of(Note), RightsRequestId);
    }

    /// <summary>The field named by its name, in any case; never by a number.</summary>
    public static ApplicantField? FieldOf(string? field) =>
        Enum.TryParse<ApplicantField>(field?.Trim(), ignoreCase: true, out var f) && Enum.IsDefined(f) && !int.TryParse(field, out _) ? f : null;

    public override string ToString() => nameof(CorrectApplicantForm);
}
