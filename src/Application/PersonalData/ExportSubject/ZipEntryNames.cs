using System.Text;

namespace CctvRequests.Application.PersonalData.ExportSubject;

/// <summary>
/// Names of the export's entries. A citizen's file name is display text (ADR 0010), and the person
/// may unpack the ZIP on Windows: there <c>&lt;&gt;:"/\|?*</c> and control characters are refused,
/// a name may not end with a dot or a space, and CON, PRN, AUX, NUL, COM1-9 and LPT1-9 (with any
/// extension) name devices.
/// </summary>
public static class ZipEntryNames
{
    public const int MaxLength = 120;

    private static readonly string[] Devices = ["CON", "PRN", "AUX", "NUL"];

    public static string Safe(string name)
    {
        var kept = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            kept.Append(char.IsControl(c) || c is '<' or '>' or ':' or '"' or '/' or '\\' or '|' or '?' or '*' ? '_' : c);
        }
        var safe = kept.ToString();
        safe = safe[..Math.Min(safe.Length, MaxLength)].Trim().TrimEnd('.', ' ');
        if (safe.Length == 0)
        {
            return "file";
        }
        return IsDevice(safe.Split('.')[0].TrimEnd()) ? "_" + safe : safe;
    }

    private static bool IsDevice(string stem) =>
        Devices.Contains(stem, StringComparer.OrdinalIgnoreCase)
        || (stem.Length == 4 && (stem.StartsWith("COM", StringComparison.OrdinalIgnoreCase) || stem.StartsWith("LPT", StringComparison.OrdinalIgnoreCase))
            && (char.IsAsciiDigit(stem[3]) || stem[3] is '¹' or '²' or '³'));
}
