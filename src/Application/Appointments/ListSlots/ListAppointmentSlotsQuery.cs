using CctvRequests.Application.Abstractions;
using Mediator;

namespace CctvRequests.Application.Appointments.ListSlots;

/// <summary>The free slots the applicant (or an officer for them) may book now: open hours, no closed day, never after the footage is gone.</summary>
public sealed record ListAppointmentSlotsQuery(AppointmentParty Party) : IQuery<IReadOnlyList<AppointmentSlotDto>>
{
    public override string ToString() => nameof(ListAppointmentSlotsQuery);
}

public sealed class ListAppointmentSlotsHandler(IAppDbContext db, IIdentityIndex index, IThrottle throttle, AppointmentSchedule schedule, TimeProvider clock)
    : IQueryHandler<ListAppointmentSlotsQuery, IReadOnlyList<AppointmentSlotDto>>
{
    public async ValueTask<IReadOnlyList<AppointmentSlotDto>> Handle(ListAppointmentSlotsQuery query, CancellationToken cancellationToken)
    {
        var request = await AppointmentAccess.LoadAsync(db, index, throttle, query.Party, cancellationToken);
        var slots = await schedule.SlotsAsync(request, clock.GetUtcNow(), cancellationToken);
        return slots.Where(s => s.SeatsLeft > 0).ToList();
    }
}
