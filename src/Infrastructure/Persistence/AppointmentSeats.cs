using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Appointments;
using CctvRequests.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CctvRequests.Infrastructure.Persistence;

/// <summary>
/// A booking takes the first free seat of its slot by inserting it: the unique index on (place, start, seat) over the
/// visits that hold a seat decides. A competing transaction that inserted the same seat first makes this insert wait
/// for its commit and then fail; EF rolls back to the savepoint it set before the save, and the next seat is tried.
/// No read decides anything, so 100 bookings of a last seat give exactly one booking.
/// </summary>
public sealed class AppointmentSeats(AppDbContext db) : IAppointmentSeats
{
    public const string SeatIndex = "ux_appointments_seat";
    public const string OneBookedIndex = "ux_appointments_one_booked";

    public async Task<bool> SaveWithSeatAsync(Appointment appointment, int seats, CancellationToken cancellationToken)
    {
        for (var seat = 1; seat <= seats; seat++)
        {
            appointment.TakeSeat(seat);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException e) when (Violated(e) == SeatIndex)
            {
                // Taken meanwhile (or before): the next seat.
            }
            catch (DbUpdateException e) when (Violated(e) == OneBookedIndex)
            {
                // The same request booked in another call at the same moment.
                throw new DomainException("appointment.already_booked", AppointmentTexts.AlreadyBooked);
            }
        }
        return false;
    }

    private static string? Violated(DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg ? pg.ConstraintName : null;
}
