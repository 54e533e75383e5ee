using CctvRequests.Application.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Notifications;

/// <summary>When a request's personal data is erased, its messages lose their address and text, and what was not sent never is.</summary>
public static class OutboxErasure
{
    public static async Task EraseMessagesOfAsync(this IAppDbContext db, IReadOnlyCollection<Guid> requestIds, CancellationToken cancellationToken)
    {
        if (requestIds.Count == 0)
        {
            return;
        }
        foreach (var message in await db.OutboxMessages.Where(m => m.RequestId != null && requestIds.Contains(m.RequestId.Value)).ToListAsync(cancellationToken))
        {
            message.Stop(erase: true);
        }
    }
}
