using CctvRequests.Application.Common;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Privacy;
using FluentValidation;

namespace CctvRequests.Application.PersonalData.LogRightsRequest;

/// <summary>A rights request as the administrator typed it: whose, which right, the day asked (yyyy-MM-dd), a note.</summary>
public sealed record RightsRequestForm(string? NationalId, string? PassportNumber, string? PassportCountry, string? Kind, string? AskedOn, string? Note = null) : ISubjectDocument
{
    /// <summary>After <see cref="RightsRequestFormValidator"/> passed: the one mapping.</summary>
    public LogRightsRequestCommand ToCommand() => new(
        this.Document(),
        KindOf(Kind) ?? throw new InvalidOperationException("The kind was validated before it was mapped."),
        ThaiDates.TryParseIsoDate(AskedOn, out var askedOn) ? askedOn : throw new InvalidOperationException("The day was validated before it was mapped."),
        OptionalText.Of(Note));

    /// <summary>The right named by its name, in any case; never by a number.</summary>
    public static RightsKind? KindOf(string? kind) =>
        Enum.TryParse<RightsKind>(kind?.Trim(), ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _) ? k : null;

    public override string ToString() => nameof(RightsRequestForm);
}

public sealed class RightsRequestFormValidator : AbstractValidator<RightsRequestForm>
{
    public RightsRequestFormValidator(TimeProvider clock)
    {
        this.DocumentRules();
        RuleFor(x => x.Kind).Must(k => RightsRequestForm.KindOf(k) is not null)
            .Says(new Text("กรุณาเลือกประเภทคำขอ", "Choose the kind of request.")).OverridePropertyName("kind");
        RuleFor(x => x.AskedOn)
            .Must(v => ThaiDates.TryParseIsoDate(v, out _)).Says(new Text("กรุณาระบุวันที่ผู้ยื่นขอ (ปปปป-ดด-วว)", "Give the day the person asked (yyyy-MM-dd)."))
            .Must(v => ThaiDates.TryParseIsoDate(v, out var d) && d <= BangkokTime.Today(clock) && d >= BangkokTime.Today(clock).AddYears(-1))
            .Says(new Text("วันที่ผู้ยื่นขอต้องไม่อยู่ในอนาคตและไม่เกิน 1 ปีก่อน", "The day asked cannot be in the future or more than a year ago."))
            .OverridePropertyName("askedOn");
        RuleFor(x => x.Note).StaffText("note", SubjectRightsRequest.NoteMax, required: null);
    }
}
