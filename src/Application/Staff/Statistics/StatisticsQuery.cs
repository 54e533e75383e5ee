using System.Globalization;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Requests;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;
using Mediator;

namespace CctvRequests.Application.Staff.Statistics;

/// <summary>Counts over requests submitted between two days (Bangkok), read by SQL aggregates: no personal data leaves the database.</summary>
public sealed record StatisticsCounts(
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<int, int> ByStation,
    IReadOnlyDictionary<string, int> ByMonth,
    IReadOnlyDictionary<string, int> ByPurpose,
    int Decided,
    double? MedianDecisionDays,
    double? P90DecisionDays,
    IReadOnlyDictionary<string, int> CancellationsByReason,
    int DecidedAfterOverwrite);

public sealed record StatisticsDto(
    DateOnly From,
    DateOnly To,
    int Total,
    IReadOnlyList<CodeCountDto> ByStatus,
    IReadOnlyList<StationCountDto> ByStation,
    IReadOnlyList<MonthCountDto> ByMonth,
    IReadOnlyList<CodeCountDto> ByPurpose,
    DecisionDaysDto DecisionDays,
    IReadOnlyList<CodeCountDto> CancellationsByReason,
    int DecidedAfterOverwrite);

public sealed record CodeCountDto(string Code, string Text, int Count);

public sealed record StationCountDto(int StationId, string Name, int Count);

public sealed record MonthCountDto(string Month, string Label, int Count);

/// <summary>Days from submission to approval or cancellation, to one decimal; null when nothing was decided.</summary>
public sealed record DecisionDaysDto(int Decided, double? Median, double? P90);

/// <summary>The statistics' range as it came in the query string (dates of submission).</summary>
public sealed record StatisticsForm(string? From = null, string? To = null)
{
    public const int MaxDays = 3660;

    public GetStatisticsQuery ToQuery(DateOnly today)
    {
        var to = ThaiDates.TryParseIsoDate(To, out var t) ? t : today;
        var from = ThaiDates.TryParseIsoDate(From, out var f) ? f : new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        return new GetStatisticsQuery(from, to);
    }
}

public sealed class StatisticsFormValidator : AbstractValidator<StatisticsForm>
{
    public StatisticsFormValidator()
    {
        var dates = new Text("วันที่ต้องอยู่ในรูปแบบ yyyy-MM-dd", "Dates are yyyy-MM-dd.");
        RuleFor(x => x.From).Must(v => string.IsNullOrWhiteSpace(v) || ThaiDates.TryParseIsoDate(v, out _)).Says(dates);
        RuleFor(x => x.To).Must(v => string.IsNullOrWhiteSpace(v) || ThaiDates.TryParseIsoDate(v, out _)).Says(dates)
            .Must((x, v) => !ThaiDates.TryParseIsoDate(x.From, out var from) || !ThaiDates.TryParseIsoDate(v, out var to)
                            || (to >= from && to.DayNumber - from.DayNumber <= StatisticsForm.MaxDays))
            .Says(new Text("วันสิ้นสุดต้องไม่ก่อนวันเริ่ม และช่วงต้องไม่เกิน 10 ปี", "The end cannot be before the start, and the range is at most 10 years."));
    }
}

public sealed record GetStatisticsQuery(DateOnly From, DateOnly To) : IQuery<StatisticsDto>;

public sealed class GetStatisticsHandler(IAppDbContext db, IStatisticsReader reader, ReferenceData reference) : IQueryHandler<GetStatisticsQuery, StatisticsDto>
{
    private static readonly string[] ThaiMonths = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."];

    public async ValueTask<StatisticsDto> Handle(GetStatisticsQuery query, CancellationToken cancellationToken)
    {
        var counts = await reader.ReadAsync(query.From, query.To, cancellationToken);
        var stations = await reference.StationsAsync(db, cancellationToken);
        var reasons = await reference.ReasonsAsync(db, cancellationToken);
        return new StatisticsDto(
            query.From,
            query.To,
            counts.ByStatus.Values.Sum(),
            Enum.GetValues<RequestStatus>().Select(s => new CodeCountDto(s.ToString(), Lang.Of(RequestStatusText.Of(s)), counts.ByStatus.GetValueOrDefault(s.ToString()))).ToList(),
            counts.ByStation.OrderByDescending(s => s.Value).ThenBy(s => s.Key)
                .Select(s => new StationCountDto(s.Key, stations.TryGetValue(s.Key, out var name) ? Lang.Of(name) : s.Key.ToString(CultureInfo.InvariantCulture), s.Value)).ToList(),
            Months(query.From, query.To).Select(m => new MonthCountDto(m.Key, m.Label, counts.ByMonth.GetValueOrDefault(m.Key))).ToList(),
            Enum.GetValues<Purpose>().Select(p => new CodeCountDto(p.ToString(), Lang.Of(StaffRequestTexts.PurposeOf(p)), counts.ByPurpose.GetValueOrDefault(p.ToString()))).ToList(),
            new DecisionDaysDto(counts.Decided, Round(counts.MedianDecisionDays), Round(counts.P90DecisionDays)),
            counts.CancellationsByReason.OrderByDescending(r => r.Value)
                .Select(r => new CodeCountDto(r.Key, ReasonTexts.Of(reasons, r.Key) ?? r.Key, r.Value)).ToList(),
            counts.DecidedAfterOverwrite);
    }

    /// <summary>Every month of the range, so empty months show as zero: "2026-02" with "ก.พ. 2569" or "Feb 2026".</summary>
    private static IEnumerable<(string Key, string Label)> Months(DateOnly from, DateOnly to)
    {
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            var key = m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            yield return (key, Lang.IsEnglish
                ? m.ToString("MMM yyyy", CultureInfo.InvariantCulture)
                : $"{ThaiMonths[m.Month - 1]} {BangkokTime.BuddhistYear(m)}");
        }
    }

    private static double? Round(double? days) => days is { } d ? Math.Round(d, 1) : null;
}
