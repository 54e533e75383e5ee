using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using FluentValidation;

namespace CctvRequests.Application.PersonalData.EraseSubject;

/// <summary>Whose data to erase, why, and the rights request it answers, as sent.</summary>
public sealed record EraseSubjectForm(string? NationalId, string? PassportNumber, string? PassportCountry, string? Reason, Guid? RightsRequestId = null) : ISubjectDocument
{
    /// <summary>After <see cref="EraseSubjectFormValidator"/> passed: the one mapping.</summary>
    public EraseSubjectCommand ToCommand() => new(this.Document(), Reason!.Trim(), RightsRequestId);

    public override string ToString() => nameof(EraseSubjectForm);
}

public sealed class EraseSubjectFormValidator : AbstractValidator<EraseSubjectForm>
{
    public const int ReasonMin = 5;
    public const int ReasonMax = 500;

    public EraseSubjectFormValidator()
    {
        this.DocumentRules();
        RuleFor(x => x.Reason)
            .Must(v => !string.IsNullOrWhiteSpace(v)).Says(new Text("กรุณาระบุเหตุผลที่ลบข้อมูล", "Give the reason for erasing."))
            .Must(v => v!.Trim().Length is >= ReasonMin and <= ReasonMax).Says(new Text($"เหตุผลยาว {ReasonMin} ถึง {ReasonMax} ตัวอักษร", $"The reason has {ReasonMin} to {ReasonMax} characters."))
            .Must(v => TextRules.IsClean(v!, multiline: true)).Says(new Text("เหตุผลมีอักขระที่ใช้ไม่ได้", "The reason contains characters that cannot be used."))
            .OverridePropertyName("reason");
    }
}
