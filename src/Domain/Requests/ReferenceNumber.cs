using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Requests;

/// <summary>
/// What citizens and officers say on the phone: <c>CCTV-2569-000123</c>, the Buddhist Era year of
/// submission and a running number that restarts each year. It is not a secret; the status
/// token is.
/// </summary>
public sealed partial record ReferenceNumber
{
    public const string Prefix = "CCTV";
    public const int MaxLength = 20;

    private ReferenceNumber(string value) => Value = value;

    public string Value { get; }

    public static ReferenceNumber Create(int buddhistYear, int sequence)
    {
        if (buddhistYear is < 2500 or > 9999 || sequence < 1)
        {
            throw new DomainException("reference.invalid", new Text("เลขที่คำร้องไม่ถูกต้อง", "A reference number needs a BE year and a positive sequence."));
        }
        return new ReferenceNumber(string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{buddhistYear}-{sequence:D6}"));
    }

    public static bool TryParse(string? input, [NotNullWhen(true)] out ReferenceNumber? reference)
    {
        reference = null;
        if (input is null)
        {
            return false;
        }
        var trimmed = input.Trim().ToUpperInvariant();
        if (!Pattern().IsMatch(trimmed))
        {
            return false;
        }
        reference = new ReferenceNumber(trimmed);
        return true;
    }

    public override string ToString() => Value;

    [GeneratedRegex(@"^CCTV-[0-9]{4}-[0-9]{6,9}$")]
    private static partial Regex Pattern();
}
