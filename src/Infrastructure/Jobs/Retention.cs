using CctvRequests.Application.Abstractions;
using CctvRequests.Application.PersonalData;
using CctvRequests.Application.PersonalData.RunRetention;
using CctvRequests.Infrastructure.Logging;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure.Jobs;

/// <summary>
/// One retention run: batches of <see cref="RunRetentionCommand"/> (each its own transaction)
/// until nothing is due, deleting each batch's files once it is committed. A crash between the
/// commit and the deletion leaves files no row names, which the storage sweep removes.
/// </summary>
public sealed class RetentionRunner(IServiceScopeFactory scopes, IFileStore files, ILogger<RetentionRunner> logger)
{
    public const string Job = "retention";

    public async Task<(int Requests, int Files)> RunAsync(CancellationToken cancellationToken)
    {
        var requests = 0;
        var deleted = 0;
        var first = true;
        bool more;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var batch = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RunRetentionCommand(first), cancellationToken);
            first = false;
            foreach (var key in batch.FilesToDelete)
            {
                await files.DeleteAsync(key);
                deleted++;
            }
            requests += batch.Erased;
            more = batch.More;
        }
        while (more);
        logger.RetentionRan(requests, deleted);
        return (requests, deleted);
    }
}

/// <summary>
/// The retention run at start and then every <see cref="RetentionOptions.IntervalHours"/>, on the
/// host's <see cref="TimeProvider"/>, on one node at a time (<see cref="JobLock"/>). A run that
/// fails is logged; the host keeps serving and the next tick tries again.
/// </summary>
public sealed class RetentionJob(RetentionRunner runner, JobLock jobs, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.RetentionOff();
            return;
        }
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await jobs.RunAloneAsync(RetentionRunner.Job, runner.RunAsync, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.RetentionFailed(ex, options.Value.IntervalHours);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
