using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Staff.CancelRequest;

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
