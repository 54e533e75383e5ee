using CctvRequests.Application.Common;
using FluentValidation;
using Mediator;

namespace CctvRequests.Application.Behaviors;

/// <summary>Runs every validator of a message before its handler; any failure becomes one <see cref="ValidationException"/> (400).</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await validators.ValidateAllAndThrowAsync(message, cancellationToken);
        return await next(message, cancellationToken);
    }
}
