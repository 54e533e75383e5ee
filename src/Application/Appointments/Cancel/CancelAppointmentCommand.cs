using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Notifications;
using Mediator;

namespace CctvRequests.Application.Appointments.Cancel;

/// <summary>The booked visit is called off, until its latest change; its seat is free at once.</summary>
public sealed record CancelAppointmentCommand(AppointmentParty Party) : ICommand<AppointmentDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.CancelAppointment;

    public string? AuditReference { get; set; }

    public string? AuditDetails { get; set; }

    public override string ToString() => nameof(CancelAppointmentCommand);
}

public sealed class CancelAppointmentHandler(
    IAppDbContext db, IIdentityIndex index, IThrottle throttle, ICurrentUser user, AppointmentSchedule schedule, RequestEvents events, TimeProvider clock)
    : ICommandHandler<CancelAppointmentCommand, AppointmentDto>
{
    public async ValueTask<AppointmentDto> Handle(CancelAppointmentCommand command, CancellationToken cancellationToken)
    {
        var request = await AppointmentAccess.LoadAsync(db, index, throttle, command.Party, cancellationToken);
        command.AuditReference = request.ReferenceNumber.Value;
        var now = clock.GetUtcNow();
        var appointment = request.CancelAppointment(AppointmentAccess.ActorOf(command.Party, user), now);
        var place = await schedule.PlaceAsync(appointment.PlaceId, cancellationToken);
        command.AuditDetails = $"{Domain.Appointments.AppointmentTexts.When(appointment.StartsAt).En} place {place.Id} by {(command.Party.IsStaff ? "staff" : "applicant")}";
        await events.RaiseAppointmentAsync(request, MessageEvent.AppointmentCancelled, appointment, place, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return AppointmentDtos.Of(appointment, place, now);
    }
}
