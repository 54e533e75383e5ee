using CctvRequests.Application.Abstractions;
using CctvRequests.Application.OnlineCopy;
using CctvRequests.Application.OnlineCopy.ClipUploadStatus;
using CctvRequests.Application.OnlineCopy.ExpireOnlineCopies;
using CctvRequests.Infrastructure.Logging;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure.Jobs;

/// <summary>
/// Ends the online copies past their last day and deletes their clips (after the commit: a crash in between
/// leaves objects the reconciler removes), and forgets resumable uploads left unfinished; one node at a time.
/// </summary>
public sealed class OnlineCopyExpiry(IServiceScopeFactory scopes, IFileStore files, IClipIntake intake, IOptions<OnlineCopyOptions> options, TimeProvider clock,
    ILogger<OnlineCopyExpiry> logger)
{
    public const string Job = "online-copy-expiry";

    public async Task<(int Copies, int Clips)> RunAsync(CancellationToken cancellationToken)
    {
        int copies = 0, clips = 0;
        ExpiredCopies batch;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            batch = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ExpireOnlineCopiesCommand(), cancellationToken);
            foreach (var key in batch.FilesToDelete)
            {
                await files.DeleteAsync(key);
                clips++;
            }
            copies += batch.Ended;
        }
        while (batch.Ended > 0 && !cancellationToken.IsCancellationRequested);
        var idle = clock.GetUtcNow().AddHours(-options.Value.UnfinishedUploadHours);
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ForgetIdleClipUploadsCommand(idle), cancellationToken);
        }
        intake.DiscardIdle(idle.UtcDateTime);
        if (copies > 0)
        {
            logger.OnlineCopiesExpired(copies, clips);
        }
        return (copies, clips);
    }
}

public sealed class OnlineCopyExpiryJob(OnlineCopyExpiry expiry, JobLock jobs, TimeProvider clock, ILogger<OnlineCopyExpiryJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await jobs.RunAloneAsync(OnlineCopyExpiry.Job, expiry.RunAsync, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.OnlineCopyExpiryFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
