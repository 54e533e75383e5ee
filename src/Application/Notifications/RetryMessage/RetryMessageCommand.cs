using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Notifications.ListRequestMessages;
using CctvRequests.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Notifications.RetryMessage;

/// <summary>"ส่งอีกครั้ง": a failing or given-up message gets a new round of attempts, due now.</summary>
public sealed record RetryMessageCommand(Guid Id) : ICommand<MessageDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.RetryMessage;

    public string? AuditReference => null;

    public string? AuditDetails => $"message {Id}";
}

public sealed class RetryMessageHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RetryMessageCommand, MessageDto>
{
    public static readonly Text NotFound = new("ไม่พบข้อความนี้", "No such message.");

    public static readonly Text NotRetriable = new(
        "ข้อความนี้ส่งอีกครั้งไม่ได้ (ส่งแล้ว กำลังรอส่ง หรือถูกยกเลิกการส่ง)", "This message cannot be sent again: it was sent, is waiting to be sent, or was stopped.");

    public async ValueTask<MessageDto> Handle(RetryMessageCommand command, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == command.Id, cancellationToken) ?? throw new NotFoundException(NotFound);
        if (!message.CanRetry)
        {
            throw new ConflictException(NotRetriable);
        }
        message.Retry(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var reference = await db.FootageRequests.AsNoTracking().Where(r => r.Id == message.RequestId).Select(r => (Domain.Requests.ReferenceNumber?)r.ReferenceNumber)
            .SingleOrDefaultAsync(cancellationToken);
        return message.ToDto(reference?.Value);
    }
}
