using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using FluentValidation;

namespace CctvRequests.Application.Staff;

/// <summary>Free text typed by staff: a length limit and no control or invisible characters (line breaks allowed).</summary>
public static class StaffTextRules
{
    public static readonly Text Required = new("กรุณากรอกข้อความ", "Please write something.");

    /// <summary>The rule of a free-text field; <paramref name="required"/> is its message when it must not be empty.</summary>
    public static IRuleBuilderOptions<T, string?> StaffText<T>(this IRuleBuilder<T, string?> rule, string field, int max, Text? required)
    {
        var options = rule.Must(v => required is null || !string.IsNullOrWhiteSpace(v)).Says(required ?? Required);
        return options
            .Must(v => v is null || v.Trim().Length <= max).Says(new Text($"ข้อความต้องไม่เกิน {max} ตัวอักษร", $"At most {max} characters."))
            .Must(v => v is null || TextRules.IsClean(v, multiline: true)).Says(new Text("ข้อความมีอักขระที่ใช้ไม่ได้", "The text contains characters that cannot be used."))
            .OverridePropertyName(field);
    }
}
