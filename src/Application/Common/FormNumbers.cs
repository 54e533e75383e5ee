using System.Globalization;
using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Common;

/// <summary>Whole numbers typed by people: Thai digits and surrounding spaces accepted.</summary>
public static class FormNumbers
{
    public static bool TryParseInt(string? value, out int number)
    {
        number = 0;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var ascii = ThaiDigits.ToAscii(value.Trim());
        return ThaiDigits.AllAscii(ascii) && ascii.Length <= 9 && int.TryParse(ascii, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
