using CctvRequests.Application.Abstractions;
using Mediator;

namespace CctvRequests.Application.Behaviors;

/// <summary>
/// Outside the transaction: once a command that changes reference data has committed, every cache
/// of it (in-memory data, cached HTTP answers) is dropped, so the next read is fresh.
/// </summary>
public sealed class ReferenceDataBehavior<TMessage, TResponse>(IEnumerable<IReferenceDataListener> listeners)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (message is IChangesReferenceData)
        {
            foreach (var listener in listeners)
            {
                await listener.ChangedAsync(CancellationToken.None);
            }
        }
        return response;
    }
}
