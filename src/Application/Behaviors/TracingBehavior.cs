using System.Diagnostics;
using Mediator;

namespace CctvRequests.Application.Behaviors;

/// <summary>
/// One span per command or query, named by its type (<c>SubmitRequestCommand</c>), around the rest of the pipeline
/// (validation, the transaction, the handler), and the submission and decision counters by outcome. The span
/// carries the type's name and, on failure, the exception's type: never the message, whose fields are personal data.
/// </summary>
public sealed class TracingBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string Name = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = AppTelemetry.Source.StartActivity(Name);
        activity?.SetTag("cctv.message", Name);
        try
        {
            var response = await next(message, cancellationToken);
            Count("ok");
            return response;
        }
        catch (Exception e)
        {
            var outcome = AppTelemetry.OutcomeOf(e);
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            activity?.SetTag("cctv.outcome", outcome);
            Count(outcome);
            throw;
        }
    }

    private static void Count(string outcome)
    {
        switch (Name)
        {
            case "SubmitRequestCommand":
                AppTelemetry.Submissions.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
                break;
            case "ReceiveRequestCommand" or "ApproveRequestCommand" or "CancelRequestCommand":
                AppTelemetry.Decisions.Add(1, new KeyValuePair<string, object?>("decision", Name[..^"RequestCommand".Length].ToLowerInvariant()),
                    new KeyValuePair<string, object?>("outcome", outcome));
                break;
        }
    }
}
