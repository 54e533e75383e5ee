using System.Globalization;

namespace CctvRequests.Domain.Common;

public static class Mask
{
    /// <summary>
    /// Keeps the first <paramref name="visible"/> text elements (so a Thai vowel or tone mark stays
    /// with its consonant) and replaces the rest with <c>***</c>.
    /// </summary>
    public static string KeepStart(string value, int visible)
    {
        var info = new StringInfo(value);
        return info.LengthInTextElements <= visible
            ? info.SubstringByTextElements(0, Math.Min(1, info.LengthInTextElements)) + "***"
            : info.SubstringByTextElements(0, visible) + "***";
    }
}
