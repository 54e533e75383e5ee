using System.Text;

namespace CctvRequests.Domain.Common;

/// <summary>Turns Thai digits (๐-๙) into ASCII so that parsing and checks see one alphabet.</summary>
public static class ThaiDigits
{
    private const char ThaiZero = '\u0E50';

    public static string ToAscii(string input)
    {
        var sb = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            sb.Append(c is >= ThaiZero and <= '\u0E59' ? (char)('0' + (c - ThaiZero)) : c);
        }
        return sb.ToString();
    }

    /// <summary>ASCII digits only, after Thai digits are converted and the given separators removed.</summary>
    public static string StripSeparators(string input, string separators)
    {
        var ascii = ToAscii(input);
        var sb = new StringBuilder(ascii.Length);
        foreach (var c in ascii)
        {
            if (!separators.Contains(c) && !char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    public static bool AllAscii(string s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return s.Length > 0;
    }
}
