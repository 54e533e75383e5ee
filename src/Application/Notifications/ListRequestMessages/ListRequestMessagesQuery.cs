using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Notifications.ListRequestMessages;

/// <summary>Every message the outbox holds about one request, oldest first.</summary>
public sealed record ListRequestMessagesQuery(ReferenceNumber Reference) : IQuery<IReadOnlyList<MessageDto>>;

public sealed class ListRequestMessagesHandler(IAppDbContext db) : IQueryHandler<ListRequestMessagesQuery, IReadOnlyList<MessageDto>>
{
    public async ValueTask<IReadOnlyList<MessageDto>> Handle(ListRequestMessagesQuery query, CancellationToken cancellationToken)
    {
        var requestId = await db.FootageRequests.AsNoTracking().Where(r => r.ReferenceNumber == query.Reference).Select(r => (Guid?)r.Id)
                            .SingleOrDefaultAsync(cancellationToken)
                        ?? throw new NotFoundException(StaffRequestLoader.NotFound);
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.RequestId == requestId).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
        return messages.Select(m => m.ToDto(query.Reference.Value)).ToList();
    }
}

public static class MessageDtos
{
    public static MessageDto ToDto(this OutboxMessage m, string? reference) => new(
        m.Id, reference, m.Channel, m.Event, m.Status, Lang.Of(MessageTexts.StatusOf(m.Status)), MessageTexts.Masked(m.Channel, m.Recipient), m.Attempts,
        m.CreatedAt, m.SentAt, m.Status is MessageStatus.Queued or MessageStatus.Failed ? m.NextAttemptAt : null, m.LastError, m.CanRetry);
}
