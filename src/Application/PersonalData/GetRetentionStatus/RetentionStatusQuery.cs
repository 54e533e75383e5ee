using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CctvRequests.Application.PersonalData.GetRetentionStatus;

/// <summary>Retention, for the page: years kept, the last run and what it erased, the next run, how many are due now.</summary>
public sealed record RetentionStatusQuery : IQuery<RetentionStatusDto>;

public sealed record RetentionStatusDto(int Years, DateTimeOffset? LastRunAt, int? LastRunErased, DateTimeOffset? NextRunAt, int DueNow);

public sealed class RetentionStatusHandler(IAppDbContext db, IOptions<RetentionOptions> options, TimeProvider clock) : IQueryHandler<RetentionStatusQuery, RetentionStatusDto>
{
    public async ValueTask<RetentionStatusDto> Handle(RetentionStatusQuery query, CancellationToken cancellationToken)
    {
        var action = nameof(AuditAction.RetentionRun);
        var last = await db.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderByDescending(e => e.At).FirstOrDefaultAsync(cancellationToken);
        var erased = last?.Details is { } details && details.StartsWith("erased ", StringComparison.Ordinal)
                     && int.TryParse(details.AsSpan(7, details.IndexOf(' ', 7) - 7), out var n) ? n : (int?)null;
        var cutoff = clock.GetUtcNow().AddYears(-Math.Max(1, options.Value.Years));
        var due = await db.FootageRequests.PastRetention(cutoff).CountAsync(cancellationToken);
        return new RetentionStatusDto(options.Value.Years, last?.At, erased, last?.At.Add(options.Value.Interval), due);
    }
}
