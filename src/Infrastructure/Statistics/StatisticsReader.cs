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
/// </summary>
public sealed class StatisticsReader(AppDbContext db) : IStatisticsReader
{
    private const string Sql = """
        WITH r AS (
          SELECT id, status, station_id, purpose, submitted_at, decided_at, footage_overwritten_on
          FROM footage_requests WHERE submitted_at >= @from AND submitted_at < @until
        ),
        d AS (SELECT extract(epoch FROM decided_at - submitted_at) / 86400.0 AS days FROM r WHERE decided_at IS NOT NULL)
        SELECT json_build_object(
          'byStatus',  (SELECT coalesce(json_object_agg(status, n), json_build_object()) FROM (SELECT status, count(*) n FROM r GROUP BY status) x),
          'byStation', (SELECT coalesce(json_object_agg(station_id, n), json_build_object()) FROM (SELECT station_id, count(*) n FROM r GROUP BY station_id) x),
          'byMonth',   (SELECT coalesce(json_object_agg(m, n), json_build_object()) FROM
                          (SELECT to_char(submitted_at + interval '7 hours', 'YYYY-MM') m, count(*) n FROM r GROUP BY 1) x),
          'byPurpose', (SELECT coalesce(json_object_agg(purpose, n), json_build_object()) FROM (SELECT purpose, count(*) n FROM r GROUP BY purpose) x),
          'decided',   (SELECT count(*) FROM d),
          'median',    (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FROM d),
          'p90',       (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY days) FROM d),
          'byReason',  (SELECT coalesce(json_object_agg(code, n), json_build_object()) FROM
                          (SELECT c.cancellation_reason code, count(*) n FROM status_changes c JOIN r ON r.id = c.request_id
                           WHERE c."to" = 'Cancelled' AND c.cancellation_reason IS NOT NULL GROUP BY 1) x),
          'afterOverwrite', (SELECT count(*) FROM r WHERE decided_at IS NOT NULL AND (decided_at + interval '7 hours')::date >= footage_overwritten_on)
        )::text AS "Value"
        """;

    public async Task<StatisticsCounts> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = Midnight(from);
        var until = Midnight(to.AddDays(1));
        var json = await db.Database
            .SqlQueryRaw<string>(Sql, new Npgsql.NpgsqlParameter("from", start), new Npgsql.NpgsqlParameter("until", until))
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
