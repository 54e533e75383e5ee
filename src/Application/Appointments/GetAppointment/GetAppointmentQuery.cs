using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Appointments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Appointments.GetAppointment;

/// <summary>A viewing place as the applicant chooses it: the texts in the caller's language and the slot length.</summary>
public sealed record AppointmentPlaceDto(int Id, string Name, string Address, string? MapUrl, string WhatToBring, int SlotMinutes, int DaysAhead, int LatestChangeHours);

/// <summary>
/// The applicant's view of the visit after typing the identity number: whether one may be booked, until which day
/// (the footage's overwrite), the places, the booked visit (if any) and the earlier ones.
/// </summary>
public sealed record AppointmentOverviewDto(
    string ReferenceNumber,
    bool CanBook,
    DateOnly? LastViewingDay,
    IReadOnlyList<AppointmentPlaceDto> Places,
    AppointmentDto? Current,
    IReadOnlyList<AppointmentDto> Past);

public sealed record GetAppointmentQuery(AppointmentParty Party) : IQuery<AppointmentOverviewDto>
{
    public override string ToString() => nameof(GetAppointmentQuery);
}

public sealed class GetAppointmentHandler(IAppDbContext db, IIdentityIndex index, IThrottle throttle, AppointmentSchedule schedule, TimeProvider clock)
    : IQueryHandler<GetAppointmentQuery, AppointmentOverviewDto>
{
    public async ValueTask<AppointmentOverviewDto> Handle(GetAppointmentQuery query, CancellationToken cancellationToken)
    {
        var request = await AppointmentAccess.LoadAsync(db, index, throttle, query.Party, cancellationToken);
        var now = clock.GetUtcNow();
        var places = await schedule.AllPlacesAsync(cancellationToken);
        var current = request.CurrentAppointment;
        return new AppointmentOverviewDto(
            request.ReferenceNumber.Value,
            request.CanBookAppointment(),
            request.CanBookAppointment() ? request.LastViewingDay : null,
            places.Values.Where(p => p.IsActive).OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
                .Select(p => new AppointmentPlaceDto(p.Id, Lang.Of(p.Name), Lang.Of(p.Address), p.MapUrl, Lang.Of(p.WhatToBring), p.SlotMinutes, p.DaysAhead, p.LatestChangeHours))
                .ToList(),
            current is null ? null : AppointmentDtos.Of(current, places[current.PlaceId], now),
            request.Appointments.Where(a => a != current && a.Status != AppointmentStatus.Moved).OrderByDescending(a => a.StartsAt)
                .Select(a => AppointmentDtos.Of(a, places[a.PlaceId], now)).ToList());
    }
}

/// <summary>The booked visit as an <c>.ics</c> file, in the caller's language.</summary>
public sealed record GetAppointmentCalendarQuery(AppointmentParty Party) : IQuery<byte[]>
{
    public override string ToString() => nameof(GetAppointmentCalendarQuery);
}

public sealed class GetAppointmentCalendarHandler(
    IAppDbContext db, IIdentityIndex index, IThrottle throttle, AppointmentSchedule schedule, IAppointmentCalendarFiles files, TimeProvider clock)
    : IQueryHandler<GetAppointmentCalendarQuery, byte[]>
{
    public async ValueTask<byte[]> Handle(GetAppointmentCalendarQuery query, CancellationToken cancellationToken)
    {
        var request = await AppointmentAccess.LoadAsync(db, index, throttle, query.Party, cancellationToken);
        var current = request.CurrentAppointment ?? throw new NotFoundException(AppointmentTexts.NoAppointment);
        var place = await schedule.PlaceAsync(current.PlaceId, cancellationToken);
        var who = await db.OrganizationProfiles.Select(p => new Domain.Common.Text(p.NameTh, p.NameEn)).SingleAsync(cancellationToken);
        var summary = Lang.Of(new Domain.Common.Text($"เข้าชมภาพกล้องวงจรปิด คำร้อง {request.ReferenceNumber.Value}", $"Viewing CCTV footage, request {request.ReferenceNumber.Value}"));
        var description = Lang.Of(new Domain.Common.Text(
            $"{who.Th}\nคำร้องเลขที่ {request.ReferenceNumber.Value}\nสิ่งที่ต้องนำมา: {place.WhatToBring.Th}",
            $"{who.En}\nRequest {request.ReferenceNumber.Value}\nWhat to bring: {place.WhatToBring.En}"));
        return files.Write(new AppointmentEvent(
            current.Id, current.StartsAt, current.EndsAt, summary, $"{Lang.Of(place.Name)}, {Lang.Of(place.Address)}", description, place.MapUrl, clock.GetUtcNow(), false));
    }
}
