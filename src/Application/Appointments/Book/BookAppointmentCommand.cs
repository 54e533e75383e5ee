using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Notifications;
using CctvRequests.Domain.Appointments;
using Mediator;

namespace CctvRequests.Application.Appointments.Book;

/// <summary>
/// Books the request's visit at a slot, or (<paramref name="Change"/>) moves the booked one there. The seat is the
/// database's to give: a full slot is a 409 naming the next free times.
/// </summary>
public sealed record BookAppointmentCommand(AppointmentParty Party, int PlaceId, DateTimeOffset StartsAt, bool Change) : ICommand<AppointmentDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Change ? Audit.AuditAction.ChangeAppointment : Audit.AuditAction.BookAppointment;

    public string? AuditReference { get; set; }

    public string? AuditDetails { get; set; }

    public override string ToString() => nameof(BookAppointmentCommand);
}

public sealed class BookAppointmentHandler(
    IAppDbContext db, IIdentityIndex index, IThrottle throttle, ICurrentUser user, AppointmentSchedule schedule, IAppointmentSeats seats,
    RequestEvents events, TimeProvider clock)
    : ICommandHandler<BookAppointmentCommand, AppointmentDto>
{
    public async ValueTask<AppointmentDto> Handle(BookAppointmentCommand command, CancellationToken cancellationToken)
    {
        var request = await AppointmentAccess.LoadAsync(db, index, throttle, command.Party, cancellationToken);
        command.AuditReference = request.ReferenceNumber.Value;
        var place = await schedule.PlaceAsync(command.PlaceId, cancellationToken);
        var calendar = await schedule.CalendarAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var actor = AppointmentAccess.ActorOf(command.Party, user);
        var appointment = command.Change
            ? request.RescheduleAppointment(place, calendar, command.StartsAt, actor, now)
            : request.BookAppointment(place, calendar, command.StartsAt, actor, now);
        if (!await seats.SaveWithSeatAsync(appointment, place.Seats, cancellationToken))
        {
            var next = await schedule.NextFreeAsync(place, request, command.StartsAt, now, cancellationToken);
            throw new SlotTakenException(AppointmentTexts.SlotTaken(next), place.Id, next);
        }
        command.AuditDetails = $"{AppointmentTexts.When(appointment.StartsAt).En} place {place.Id} seat {appointment.Seat} by {(command.Party.IsStaff ? "staff" : "applicant")}";
        await events.RaiseAppointmentAsync(request, command.Change ? MessageEvent.AppointmentChanged : MessageEvent.AppointmentBooked, appointment, place, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return AppointmentDtos.Of(appointment, place, now);
    }
}
