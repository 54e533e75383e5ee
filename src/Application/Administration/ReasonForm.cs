using CctvRequests.Application.Administration.UpdateReason;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;

namespace CctvRequests.Application.Administration;

/// <summary>A cancellation reason's label and place as the administrator edits them.</summary>
public sealed record ReasonForm(string? LabelTh, string? LabelEn, bool? IsActive, int? SortOrder)
{
    /// <summary>After <see cref="ReasonFormValidator"/> passed: reason <paramref name="code"/> changed.</summary>
    public UpdateReasonCommand ToCommand(string code) => new(code, ToSettings());

    public ReasonSettings ToSettings() => new(new Text(LabelTh!.Trim(), LabelEn!.Trim()), IsActive ?? true, SortOrder ?? 0);
}

/// <summary>A reason's label and place, typed.</summary>
public sealed record ReasonSettings(Text Label, bool IsActive, int SortOrder);

public sealed class ReasonFormValidator : AbstractValidator<ReasonForm>
{
    public static readonly Text LabelRequired = new("กรุณากรอกข้อความ", "Please write the label.");

    public ReasonFormValidator()
    {
        RuleFor(x => x.LabelTh).RequiredText("labelTh", CancellationReason.LabelMax, multiline: false, LabelRequired);
        RuleFor(x => x.LabelEn).RequiredText("labelEn", CancellationReason.LabelMax, multiline: false, LabelRequired);
    }
}
