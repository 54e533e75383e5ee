using System.Globalization;
using System.Text;
using CctvRequests.Application.Audit;

namespace CctvRequests.Api.Staff;

/// <summary>
/// The e-mail a failed sign-in claimed is whatever the caller typed: before it goes into the audit
/// log (which staff read on a page and export), control, format and other invisible characters are
/// written as <c>\u{XXXX}</c> (so a CR/LF cannot start a fake line and U+202E cannot turn the text
/// around), and it is cut to the column's length.
/// </summary>
public static class ClaimedEmail
{
    public static string? ForAudit(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }
        var safe = new StringBuilder(email.Length);
        foreach (var rune in email.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate)
            {
                safe.Append(CultureInfo.InvariantCulture, $"\\u{{{rune.Value:X4}}}");
            }
            else
            {
                safe.Append(rune.ToString());
            }
            if (safe.Length >= AuditEntry.EmailMax)
            {
                break;
            }
        }
        return safe.Length > AuditEntry.EmailMax ? safe.ToString(0, AuditEntry.EmailMax) : safe.ToString();
    }
}
