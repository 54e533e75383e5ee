using CctvRequests.Application.Appointments.Remind;
using CctvRequests.Infrastructure.Logging;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CctvRequests.Infrastructure.Jobs;

/// <summary>Writes the due day-before reminders to the outbox, a batch at a time; one node at a time.</summary>
public sealed class AppointmentReminders(IServiceScopeFactory scopes, ILogger<AppointmentReminders> logger)
{
    public const string Job = "appointment-reminders";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        int total = 0, batch;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            batch = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RemindAppointmentsCommand(), cancellationToken);
            total += batch;
        }
        while (batch == RemindAppointmentsCommand.Batch && !cancellationToken.IsCancellationRequested);
        if (total > 0)
        {
            logger.AppointmentsReminded(total);
        }
        return total;
    }
}

public sealed class AppointmentReminderJob(AppointmentReminders reminders, JobLock jobs, TimeProvider clock, ILogger<AppointmentReminderJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await jobs.RunAloneAsync(AppointmentReminders.Job, ct => reminders.RunAsync(ct), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.AppointmentRemindersFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
