using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using FluentValidation;

namespace CctvRequests.Application.Administration;

/// <summary>The rule of a required text field on the settings pages: filled in, within its length, no invisible characters.</summary>
public static class AdministrationTexts
{
    public static readonly Text FillIn = new("กรุณากรอกข้อมูลช่องนี้", "Please fill this in.");
    public static readonly Text Unclean = new("มีอักขระที่ใช้ไม่ได้", "Contains characters that cannot be used.");

    public static Text TooLong(int max) => new($"ต้องไม่เกิน {max} ตัวอักษร", $"At most {max} characters.");

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, string field, int max, bool multiline, Text? required = null) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).Says(required ?? FillIn)
            .Must(v => v!.Trim().Length <= max).Says(TooLong(max))
            .Must(v => TextRules.IsClean(v!, multiline)).Says(Unclean)
            .OverridePropertyName(field);
}
