using CctvRequests.Application.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Administration.ListPrivacyNotices;

public sealed record ListPrivacyNoticesQuery : IQuery<IReadOnlyList<PrivacyNoticeVersionDto>>;

public sealed record PrivacyNoticeVersionDto(string Version, DateTimeOffset PublishedAt, bool Current);

public sealed class ListPrivacyNoticesHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListPrivacyNoticesQuery, IReadOnlyList<PrivacyNoticeVersionDto>>
{
    public async ValueTask<IReadOnlyList<PrivacyNoticeVersionDto>> Handle(ListPrivacyNoticesQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var all = await db.PrivacyNotices.AsNoTracking().OrderByDescending(n => n.PublishedAt)
            .Select(n => new { n.Version, n.PublishedAt }).ToListAsync(cancellationToken);
        var current = all.FirstOrDefault(n => n.PublishedAt <= now)?.Version;
        return all.Select(n => new PrivacyNoticeVersionDto(n.Version, n.PublishedAt, n.Version == current)).ToList();
    }
}
