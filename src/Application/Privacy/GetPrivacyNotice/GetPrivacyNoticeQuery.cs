using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Privacy.GetPrivacyNotice;

/// <summary>The current privacy notice (SPEC §6): the newest published version; or an older one, which stays readable.</summary>
public sealed record GetPrivacyNoticeQuery(string? Version = null) : IQuery<PrivacyNoticeDto>;

public sealed record PrivacyNoticeDto(string Version, string Text, string TextEn, DateTimeOffset PublishedAt);

public sealed class GetPrivacyNoticeHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetPrivacyNoticeQuery, PrivacyNoticeDto>
{
    public async ValueTask<PrivacyNoticeDto> Handle(GetPrivacyNoticeQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var version = query.Version?.Trim();
        return await db.PrivacyNotices.AsNoTracking()
            .Where(n => n.PublishedAt <= now && (version == null || n.Version == version))
            .OrderByDescending(n => n.PublishedAt)
            .Select(n => new PrivacyNoticeDto(n.Version, n.Text, n.TextEn, n.PublishedAt))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(new("ยังไม่มีการเผยแพร่นโยบายความเป็นส่วนตัว", "No privacy notice is published."));
    }
}
