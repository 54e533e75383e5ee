using CctvRequests.Application.Staff.Statistics;

namespace CctvRequests.Application.Abstractions;

/// <summary>The statistics' aggregates, computed where the data is (SQL percentiles over a million rows).</summary>
public interface IStatisticsReader
{
    Task<StatisticsCounts> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
