using System.Globalization;
using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Common;

/// <summary>Dates as the API speaks them (ISO-8601, invariant culture) and as Thai readers read them (BE).</summary>
public static class ThaiDates
{
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss"];

    public static bool TryParseIsoDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryParseTime(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary><c>16/02/2569</c> in Thai, <c>16/02/2026</c> in English.</summary>
    public static Text Format(DateOnly date) => new(
        string.Create(CultureInfo.InvariantCulture, $"{date.Day:00}/{date.Month:00}/{date.Year + 543}"),
        date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));

    private static readonly string[] ThaiMonths =
        ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];

    /// <summary>The official long form: <c>16 กุมภาพันธ์ 2569</c>, or <c>16 February 2026</c>; empty for no date.</summary>
    public static string Long(DateOnly? date, bool thai) => date is not { } d ? string.Empty
        : thai ? string.Create(CultureInfo.InvariantCulture, $"{d.Day} {ThaiMonths[d.Month - 1]} {d.Year + 543}")
        : d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
