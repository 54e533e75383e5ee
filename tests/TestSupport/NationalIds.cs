namespace CctvRequests.TestSupport;

/// <summary>Made-up national IDs with a valid check digit: never a real person's.</summary>
public static class NationalIds
{
    public static string New()
    {
        Span<char> digits = stackalloc char[13];
        digits[0] = (char)('1' + Random.Shared.Next(8));
        for (var i = 1; i < 12; i++)
        {
            digits[i] = (char)('0' + Random.Shared.Next(10));
        }
        digits[12] = CheckDigit(digits[..12]);
        return new string(digits);
    }

    public static char CheckDigit(ReadOnlySpan<char> first12)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (first12[i] - '0') * (13 - i);
        }
        return (char)('0' + (11 - sum % 11) % 10);
    }

    public static string WithWrongCheckDigit(string id) => id[..12] + (char)('0' + (id[12] - '0' + 1) % 10);

    /// <summary>The same ID in Thai digits, grouped with dashes as printed on the card.</summary>
    public static string InThaiDigitsWithDashes(string id)
    {
        var thai = new string(id.Select(c => (char)('\u0E50' + (c - '0'))).ToArray());
        return $"{thai[0]}-{thai[1..5]}-{thai[5..10]}-{thai[10..12]}-{thai[12]}";
    }
}
