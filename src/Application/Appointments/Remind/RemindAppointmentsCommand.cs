using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Notifications;
using CctvRequests.Domain.Appointments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Appointments.Remind;

/// <summary>
/// The day-before reminders that are due: each visit still booked whose reminder time (09:00 Bangkok the day before)
/// has come, once, through the outbox in the applicant's language. Run by the reminder job; audited with the count.
/// </summary>
public sealed record RemindAppointmentsCommand : ICommand<int>, IAuditedMessage
{
    public const int Batch = 200;

    public AuditAction? AuditAction => Audit.AuditAction.RemindAppointments;

    public string? AuditReference => null;

    public string? AuditDetailsFor(object? response) => $"{response} reminders";
}

public sealed class RemindAppointmentsHandler(IAppDbContext db, AppointmentSchedule schedule, CitizenNotifier notifier, TimeProvider clock)
    : ICommandHandler<RemindAppointmentsCommand, int>
{
    public async ValueTask<int> Handle(RemindAppointmentsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Appointments
            .Where(a => a.Status == AppointmentStatus.Booked && a.ReminderQueuedAt == null && a.ReminderDueAt <= now && a.StartsAt > now && a.BookedAt < a.ReminderDueAt)
            .OrderBy(a => a.ReminderDueAt).Take(RemindAppointmentsCommand.Batch)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        var places = await schedule.AllPlacesAsync(cancellationToken);
        var requests = await db.FootageRequests.Include(r => r.Appointments)
            .Where(r => r.Appointments.Any(a => due.Contains(a.Id)))
            .ToListAsync(cancellationToken);
        var count = 0;
        foreach (var request in requests)
        {
            foreach (var appointment in request.Appointments.Where(a => due.Contains(a.Id) && a.NeedsReminder(now)))
            {
                appointment.MarkReminded(now);
                await notifier.QueueAppointmentAsync(request, MessageEvent.AppointmentReminder, appointment, places[appointment.PlaceId], cancellationToken);
                count++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }
}
