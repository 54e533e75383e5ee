using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Notifications.ListRequestMessages;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Notifications.ListFailingMessages;

/// <summary>The messages that could not be sent (still retrying, or given up), newest first: an administrator's work list.</summary>
public sealed record ListFailingMessagesQuery : IQuery<IReadOnlyList<MessageDto>>
{
    public const int MaxRows = 500;
}

public sealed class ListFailingMessagesHandler(IAppDbContext db) : IQueryHandler<ListFailingMessagesQuery, IReadOnlyList<MessageDto>>
{
    public async ValueTask<IReadOnlyList<MessageDto>> Handle(ListFailingMessagesQuery query, CancellationToken cancellationToken)
    {
        var rows = await (from m in db.OutboxMessages.AsNoTracking()
                          where m.Status == MessageStatus.Failed || m.Status == MessageStatus.GivenUp
                          join r in db.FootageRequests.AsNoTracking() on m.RequestId equals r.Id into requests
                          from r in requests.DefaultIfEmpty()
                          orderby m.CreatedAt descending
                          select new { Message = m, Reference = r == null ? null : (Domain.Requests.ReferenceNumber?)r.ReferenceNumber })
            .Take(ListFailingMessagesQuery.MaxRows)
            .ToListAsync(cancellationToken);
        return rows.Select(x => x.Message.ToDto(x.Reference?.Value)).ToList();
    }
}
