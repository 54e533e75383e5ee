using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Administration.CreateReason;

/// <summary>A new reason as the administrator typed it: its code, then the same fields as <see cref="ReasonForm"/>.</summary>
public sealed record NewReasonForm(string? Code, string? LabelTh, string? LabelEn, bool? IsActive, int? SortOrder)
{
    /// <summary>After <see cref="NewReasonFormValidator"/> passed: the one mapping.</summary>
    public CreateReasonCommand ToCommand() => new(Code!, ReasonPart().ToSettings());

    /// <summary>The fields a reason has whether new or changed.</summary>
    public ReasonForm ReasonPart() => new(LabelTh, LabelEn, IsActive, SortOrder);

    public override string ToString() => nameof(NewReasonForm);
}

public sealed class NewReasonFormValidator : AbstractValidator<NewReasonForm>
{
    public NewReasonFormValidator(IAppDbContext db)
    {
        RuleFor(x => x.Code)
            .Must(CancellationReason.IsWellFormedCode)
            .Says(new Text($"รหัสต้องเป็นตัวอักษรภาษาอังกฤษและตัวเลข ขึ้นต้นด้วยตัวอักษร 2 ถึง {CancellationReason.CodeMax} ตัว",
                $"A code is 2 to {CancellationReason.CodeMax} letters and digits, starting with a letter."))
            .MustAsync(async (v, ct) => !await db.CancellationReasons.AnyAsync(r => r.Code == v, ct))
            .Says(new Text("มีรหัสนี้แล้ว", "This code exists already."));
        RuleFor(x => x.ReasonPart()).SetValidator(new ReasonFormValidator()).OverridePropertyName(string.Empty);
    }
}
