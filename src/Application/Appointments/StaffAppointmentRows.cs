using System.Linq.Expressions;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Appointments;
using CctvRequests.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Appointments;

/// <summary>Visits as the staff lists show them: one projection joining each to its request, read once for every list.</summary>
public sealed class StaffAppointmentRows(IAppDbContext db, ReferenceData reference, TimeProvider clock)
{
    public async Task<List<StaffAppointmentDto>> WhereAsync(Expression<Func<Appointment, bool>> filter, CancellationToken cancellationToken)
    {
        var rows = await (
                from a in db.Appointments.AsNoTracking().Where(filter)
                join r in db.FootageRequests.AsNoTracking() on EF.Property<Guid>(a, "RequestId") equals r.Id
                orderby a.StartsAt, a.PlaceId, a.Seat
                select new
                {
                    Appointment = a,
                    r.ReferenceNumber,
                    r.Applicant.Title,
                    r.Applicant.FirstName,
                    r.Applicant.LastName,
                    r.StationId,
                    Preserved = r.Preservations.Any(),
                    r.FootageOverwrittenOn,
                })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }
        var placeIds = rows.Select(r => r.Appointment.PlaceId).Distinct().ToList();
        var places = await db.ViewingPlaces.AsNoTracking().Where(p => placeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var stations = await reference.StationsAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        return rows.Select(r => new StaffAppointmentDto(
                r.Appointment.Id, r.ReferenceNumber.Value, r.Appointment.PlaceId, Lang.Of(places[r.Appointment.PlaceId].Name),
                r.Appointment.StartsAt, r.Appointment.EndsAt, r.Appointment.Seat, r.Appointment.Status.ToString(),
                Lang.Of(AppointmentStatusText.Of(r.Appointment.Status)), $"{r.Title}{r.FirstName} {r.LastName}".Trim(),
                stations.TryGetValue(r.StationId, out var station) ? Lang.Of(station) : string.Empty, r.Preserved, r.FootageOverwrittenOn,
                r.Appointment.BookedAt, r.Appointment.BookedByName, r.Appointment.ClosedAt, r.Appointment.ClosedByName,
                r.Appointment.CanRecordOutcome(now)))
            .ToList();
    }
}
