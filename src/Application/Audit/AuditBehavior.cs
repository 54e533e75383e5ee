using CctvRequests.Application.Abstractions;
using Mediator;

namespace CctvRequests.Application.Audit;

/// <summary>A message whose success the audit log records.</summary>
public interface IAuditedMessage
{
    /// <summary>Null when this use of the message is not to be recorded (e.g. a detail re-read after a change).</summary>
    AuditAction? AuditAction { get; }

    string? AuditReference { get; }

    string? AuditDetails => null;

    /// <summary>The details once the answer is known (a count of rows, say); by default <see cref="AuditDetails"/>.</summary>
    string? AuditDetailsFor(object? response) => AuditDetails;
}

/// <summary>
/// Writes the entry after the handler succeeded: inside a command's transaction, so a change and its
/// audit line commit together; for a query, right after it.
/// </summary>
public sealed class AuditBehavior<TMessage, TResponse>(AuditTrail trail, IAppDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (message is IAuditedMessage { AuditAction: { } action } audited)
        {
            trail.Record(action, audited.AuditReference, audited.AuditDetailsFor(response));
            await db.SaveChangesAsync(cancellationToken);
        }
        return response;
    }
}
