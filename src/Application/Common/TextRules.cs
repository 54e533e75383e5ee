using System.Globalization;
using CctvRequests.Application.Requests.Submit;
using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Common;

/// <summary>
/// Free text that staff pages and the printed form will show: no NUL or other control
/// characters, and no format characters (bidi overrides, zero-width joiners) that can disguise
/// what a text says. Line breaks only where the field is multi-line.
/// </summary>
public static class TextRules
{
    public static bool IsClean(string value, bool multiline)
    {
        foreach (var c in value)
        {
            if (multiline && c is '\n' or '\r' or '\t')
            {
                continue;
            }
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return false;
            }
        }
        return true;
    }

    public static Text Unclean(FormField field) => new(
        $"{field.Label.Th}มีอักขระพิเศษที่ระบบรับไม่ได้ (มักเกิดจากการคัดลอกมาวาง) กรุณาพิมพ์ใหม่",
        $"The {field.Label.En.ToLowerInvariant()} contains special characters the system cannot accept (often from copying and pasting); please type it again.");
}

/// <summary>Names and titles: letters (with marks, spaces, dots, hyphens and apostrophes), no digits or symbols.</summary>
public static class NameRules
{
    public static bool IsName(string? value) =>
        value is not null
        && value.Any(char.IsLetter)
        && value.All(c => char.IsLetter(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                          || c is ' ' or '.' or ',' or '-' or '\'' or '\u2019' or '(' or ')');
}
