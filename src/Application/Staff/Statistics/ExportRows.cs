using System.Globalization;
using CctvRequests.Application.Staff.ListRequests;

namespace CctvRequests.Application.Staff.Statistics;

/// <summary>The statistics flattened into rows (section, code, label, value), for CSV and Excel.</summary>
public sealed record StatisticsRow(string Section, string Code, string Label, string Value);

/// <summary>One queue row as the export lists it.</summary>
public sealed record RequestExportRow(
    string ReferenceNumber, string Status, string Station, string Purpose, string ApplicantName,
    string IncidentDate, string SubmittedAt, string FootageOverwrittenOn, int DaysLeft, string Preserved);

public static class ExportRows
{
    public static IReadOnlyList<StatisticsRow> Of(StatisticsDto s)
    {
        var rows = new List<StatisticsRow>
        {
            new("range", "from", "from", Iso(s.From)),
            new("range", "to", "to", Iso(s.To)),
            new("total", "total", "total", s.Total.ToString(CultureInfo.InvariantCulture)),
        };
        rows.AddRange(s.ByStatus.Select(x => new StatisticsRow("status", x.Code, x.Text, N(x.Count))));
        rows.AddRange(s.ByStation.Select(x => new StatisticsRow("station", x.StationId.ToString(CultureInfo.InvariantCulture), x.Name, N(x.Count))));
        rows.AddRange(s.ByMonth.Select(x => new StatisticsRow("month", x.Month, x.Label, N(x.Count))));
        rows.AddRange(s.ByPurpose.Select(x => new StatisticsRow("purpose", x.Code, x.Text, N(x.Count))));
        rows.Add(new("decision", "decided", "decided", N(s.DecisionDays.Decided)));
        rows.Add(new("decision", "medianDays", "median days", D(s.DecisionDays.Median)));
        rows.Add(new("decision", "p90Days", "90th percentile days", D(s.DecisionDays.P90)));
        rows.AddRange(s.CancellationsByReason.Select(x => new StatisticsRow("cancellation", x.Code, x.Text, N(x.Count))));
        rows.Add(new("decision", "decidedAfterOverwrite", "decided after the footage was overwritten", N(s.DecidedAfterOverwrite)));
        return rows;
    }

    public static RequestExportRow Of(QueueRowDto r) => new(
        r.ReferenceNumber, r.StatusText, r.StationName, r.PurposeText, r.ApplicantName, Iso(r.IncidentDate),
        r.SubmittedAt.ToOffset(Domain.Common.BangkokTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        Iso(r.FootageOverwrittenOn), r.DaysLeft, r.Preserved ? "yes" : "no");

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string D(double? d) => d?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty;
}
