using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Appointments.GetAppointment;

/// <summary>A request's visits on its staff page: whether one may be booked, the last viewing day, every booking and how it ended.</summary>
public sealed record GetRequestAppointmentsQuery(ReferenceNumber Reference) : IQuery<RequestAppointmentsDto>;

public sealed class GetRequestAppointmentsHandler(IAppDbContext db, StaffAppointmentRows rows) : IQueryHandler<GetRequestAppointmentsQuery, RequestAppointmentsDto>
{
    public async ValueTask<RequestAppointmentsDto> Handle(GetRequestAppointmentsQuery query, CancellationToken cancellationToken)
    {
        var request = await db.FootageRequests.AsNoTracking().Include(r => r.Preservations)
                          .SingleOrDefaultAsync(r => r.ReferenceNumber == query.Reference, cancellationToken)
                      ?? throw new NotFoundException(StaffRequestLoader.NotFound);
        var id = request.Id;
        var list = await rows.WhereAsync(a => EF.Property<Guid>(a, "RequestId") == id, cancellationToken);
        return new RequestAppointmentsDto(request.CanBookAppointment(), request.CanBookAppointment() ? request.LastViewingDay : null, list);
    }
}
