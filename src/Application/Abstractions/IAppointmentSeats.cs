using CctvRequests.Domain.Appointments;

namespace CctvRequests.Application.Abstractions;

/// <summary>
/// The seats of a slot, counted by the database (ADR 0019): a booking is saved holding the first free seat of 1 to
/// <c>seats</c>, tried in order against a unique index on (place, start, seat); another transaction that took the same
/// seat first makes the insert wait for it and then fail, and the next seat is tried. Never a read, then a write.
/// </summary>
public interface IAppointmentSeats
{
    /// <summary>Saves the unit of work with <paramref name="appointment"/> holding a seat; false (nothing saved) when every seat is taken.</summary>
    Task<bool> SaveWithSeatAsync(Appointment appointment, int seats, CancellationToken cancellationToken);
}
