using System.Diagnostics;
using CctvRequests.Application.Logging;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CctvRequests.Application.Behaviors;

/// <summary>
/// Logs each message's name and duration. Never the message itself: it carries national IDs and
/// phone numbers, which must not reach a log.
/// </summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            logger.Handled(typeof(TMessage).Name, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
        }
    }
}
