using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Files;
using Mediator;

namespace CctvRequests.Application.Behaviors;

/// <summary>
/// Every command runs in one transaction: all its changes commit together or none do. Files the
/// command promoted are deleted when it fails before the commit. When the commit itself fails,
/// the rows are looked for: saved after all, the command succeeded; not saved, its files are
/// deleted (see <see cref="PromotedFiles"/>).
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork, PromotedFiles files)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || unitOfWork.InTransaction)
        {
            return await next(message, cancellationToken);
        }
        await unitOfWork.BeginAsync(cancellationToken);
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch
        {
            await unitOfWork.RollbackAsync();
            await files.DiscardAsync();
            throw;
        }
        // Not cancellable: once the commit is sent, the files must stay whatever the client does.
        try
        {
            await unitOfWork.CommitAsync(CancellationToken.None);
        }
        catch
        {
            // The commit's outcome is unknown (the connection broke during it): its files tell.
            if (await files.CommittedAfterAllAsync())
            {
                return response;
            }
            throw;
        }
        files.Committed();
        return response;
    }
}
