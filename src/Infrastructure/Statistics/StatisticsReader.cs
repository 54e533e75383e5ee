using System.Globalization;
using System.Text.Json;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Staff.Statistics;
using CctvRequests.Domain.Common;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Infrastructure.Statistics;

/// <summary>
/// Every figure of the statistics in one SQL round trip (aggregates and percentiles computed by
/// PostgreSQL, answered as one JSON document), over requests submitted between two Bangkok days.
/// A year of a million requests reads in about 200 ms (docs/BENCHMARKS.md).
/// </summary>
public sealed class StatisticsReader(AppDbContext db) : IStatisticsReader
{
    // The breakdowns from the trigger-kept counts (a few thousand rows for a year); decision times
    // (one sort for both percentiles) and cancellations by reason from index-only scans of the
    // covering submitted_at index and the partial index of cancellations. The counts' days are
    // Bangkok days, as @from and @until are Bangkok midnights.
    private const string Sql = """
        WITH k AS MATERIALIZED (
          SELECT status, station_id, date_trunc('month', submitted_on) AS m, purpose, sum(count) AS n
          FROM request_counts WHERE submitted_on >= @fromDay AND submitted_on <= @toDay AND count <> 0
          GROUP BY 1, 2, 3, 4
        ),
        d AS (
          SELECT count(*) AS decided,
                 percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - submitted_at) / 86400.0) AS p,
                 count(*) FILTER (WHERE ((decided_at AT TIME ZONE 'UTC') + interval '7 hours')::date >= footage_overwritten_on) AS late
          FROM footage_requests WHERE submitted_at >= @from AND submitted_at < @until AND decided_at IS NOT NULL
        )
        SELECT json_build_object(
          'byStatus',  (SELECT coalesce(json_object_agg(status, n), json_build_object()) FROM (SELECT status, sum(n) n FROM k GROUP BY 1) x),
          'byStation', (SELECT coalesce(json_object_agg(station_id, n), json_build_object()) FROM (SELECT station_id, sum(n) n FROM k GROUP BY 1) x),
          'byMonth',   (SELECT coalesce(json_object_agg(to_char(m, 'YYYY-MM'), n), json_build_object()) FROM (SELECT m, sum(n) n FROM k GROUP BY 1) x),
          'byPurpose', (SELECT coalesce(json_object_agg(purpose, n), json_build_object()) FROM (SELECT purpose, sum(n) n FROM k GROUP BY 1) x),
          'decided',   (SELECT decided FROM d),
          'median',    (SELECT p[1] FROM d),
          'p90',       (SELECT p[2] FROM d),
          'byReason',  (SELECT coalesce(json_object_agg(code, n), json_build_object()) FROM
                          (SELECT c.cancellation_reason code, count(*) n
                           FROM footage_requests f JOIN status_changes c ON c.request_id = f.id AND c."to" = 'Cancelled'
                           WHERE f.submitted_at >= @from AND f.submitted_at < @until AND f.status = 'Cancelled' AND c.cancellation_reason IS NOT NULL
                           GROUP BY 1) x),
          'afterOverwrite', (SELECT late FROM d)
        )::text AS "Value"
        """;

    public async Task<StatisticsCounts> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = Midnight(from);
        var until = Midnight(to.AddDays(1));
        var json = await db.Database
            .SqlQueryRaw<string>(Sql, new Npgsql.NpgsqlParameter("from", start), new Npgsql.NpgsqlParameter("until", until),
                new Npgsql.NpgsqlParameter("fromDay", from), new Npgsql.NpgsqlParameter("toDay", to))
            .TagWith(QueryTags.PlannedEachTime)
            .SingleAsync(cancellationToken);
        var root = JsonDocument.Parse(json).RootElement;
        return new StatisticsCounts(
            Counts(root, "byStatus"),
            Counts(root, "byStation").ToDictionary(p => int.Parse(p.Key, CultureInfo.InvariantCulture), p => p.Value),
            Counts(root, "byMonth"),
            Counts(root, "byPurpose"),
            root.GetProperty("decided").GetInt32(),
            Number(root, "median"),
            Number(root, "p90"),
            Counts(root, "byReason"),
            root.GetProperty("afterOverwrite").GetInt32());
    }

    private static DateTimeOffset Midnight(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), BangkokTime.Offset).ToUniversalTime();

    private static Dictionary<string, int> Counts(JsonElement root, string name) =>
        root.GetProperty(name).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);

    private static double? Number(JsonElement root, string name) =>
        root.GetProperty(name).ValueKind == JsonValueKind.Number ? root.GetProperty(name).GetDouble() : null;
}
