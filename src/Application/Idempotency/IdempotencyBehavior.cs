using System.Text.Json;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using Mediator;

namespace CctvRequests.Application.Idempotency;

/// <summary>
/// Runs inside the command's transaction. A second command with the same key waits on a lock for
/// the first to commit, then finds its record and returns its answer: one key, one piece of work,
/// however many clicks or retries arrive at once.
/// </summary>
public sealed class IdempotencyBehavior<TMessage, TResponse>(
    IAppDbContext db, IUnitOfWork unitOfWork, ISecretProtector protector, IdempotencyOutcome outcome, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IIdempotentCommand { IdempotencyKey: { } key } command)
        {
            return await next(message, cancellationToken);
        }
        await unitOfWork.LockAsync("idempotency:" + key, cancellationToken);
        var now = clock.GetUtcNow();
        var record = await db.IdempotencyRecords.FindAsync([key], cancellationToken);
        if (record is not null && record.IsLiveAt(now))
        {
            if (record.Fingerprint != command.Fingerprint)
            {
                throw new IdempotencyConflictException();
            }
            outcome.Replayed = true;
            return JsonSerializer.Deserialize<TResponse>(protector.Unprotect(record.ProtectedAnswer), JsonSerializerOptions.Web)!;
        }

        var response = await next(message, cancellationToken);
        var answer = protector.Protect(JsonSerializer.Serialize(response, JsonSerializerOptions.Web));
        if (record is null)
        {
            db.IdempotencyRecords.Add(IdempotencyRecord.Create(key, command.Fingerprint, answer, now));
        }
        else
        {
            record.Renew(command.Fingerprint, answer, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return response;
    }
}
