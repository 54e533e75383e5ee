using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Appointments;

/// <summary>
/// A day the viewing places are closed (a public holiday, an office closure): no slot is offered on it. A yearly one
/// (the fixed-date Thai holidays) closes that month and day every year; another closes one date (the holidays the
/// government announces each year: the Buddhist holy days, substitution days).
/// </summary>
public sealed class ClosedDay
{
    public const int NameMax = 200;

    private ClosedDay()
    {
        NameTh = NameEn = string.Empty;
    }

    public int Id { get; private set; }

    /// <summary>The date; for a yearly day only its month and day count.</summary>
    public DateOnly Date { get; private set; }

    public bool Yearly { get; private set; }
    public string NameTh { get; private set; }
    public string NameEn { get; private set; }

    public Text Name => new(NameTh, NameEn);

    public static ClosedDay Create(DateOnly date, bool yearly, Text name) => new()
    {
        Date = date,
        Yearly = yearly,
        NameTh = Guard.Text(name.Th, "name", 1, NameMax),
        NameEn = Guard.Text(name.En, "nameEn", 1, NameMax),
    };

    public bool Covers(DateOnly day) => Yearly ? day.Month == Date.Month && day.Day == Date.Day : day == Date;
}
