using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Notifications.Unsubscribe;

/// <summary>
/// "Stop these messages" for one request (RFC 8058 one-click, or the page's button): nothing more is sent about
/// it, and what was still waiting is stopped. The token opens nothing else. Doing it twice is the same as once.
/// </summary>
public sealed record UnsubscribeCommand(string? Token) : ICommand<UnsubscribeResult>
{
    public override string ToString() => nameof(UnsubscribeCommand);
}

public sealed record UnsubscribeResult(string ReferenceNumber, bool Stopped, string Message);

public sealed class UnsubscribeHandler(IAppDbContext db, INotificationLinks links, TimeProvider clock) : ICommandHandler<UnsubscribeCommand, UnsubscribeResult>
{
    public static readonly Text NotValid = new(
        "ลิงก์ยกเลิกการรับข่าวสารนี้ไม่ถูกต้อง กรุณาเปิดจากอีเมลที่ได้รับอีกครั้ง", "This unsubscribe link is not valid; please open it again from the email you received.");

    public static readonly Text Done = new(
        "ยกเลิกการรับข่าวสารของคำร้องนี้แล้ว ท่านยังดูสถานะคำร้องได้ที่หน้าตรวจสอบผล", "You will get no more messages about this request. You can still see its status on the status page.");

    public async ValueTask<UnsubscribeResult> Handle(UnsubscribeCommand command, CancellationToken cancellationToken)
    {
        var id = links.RequestOfUnsubscribeToken(command.Token) ?? throw new NotFoundException(NotValid);
        var request = await db.FootageRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException(NotValid);
        var now = clock.GetUtcNow();
        request.StopNotifications(now);
        foreach (var message in await db.OutboxMessages.Where(m => m.RequestId == id && (m.Status == MessageStatus.Queued || m.Status == MessageStatus.Failed))
                     .ToListAsync(cancellationToken))
        {
            message.Stop(erase: false);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new UnsubscribeResult(request.ReferenceNumber.Value, true, Lang.Of(Done));
    }
}
