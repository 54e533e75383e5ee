using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Appointments;
using CctvRequests.Domain.Common;
using FluentValidation;
using Mediator;

namespace CctvRequests.Application.Appointments.ListAppointments;

/// <summary>The staff list's filter: a day (yyyy-MM-dd, Bangkok), how many days from it (1 = the day, 7 = the week), a place or all.</summary>
public sealed record AppointmentListForm(DateOnly? Date, int? Days, int? PlaceId)
{
    public const int DaysMax = 31;

    public ListAppointmentsQuery ToQuery() => new(Date!.Value, Days ?? 1, PlaceId);
}

public sealed class AppointmentListFormValidator : AbstractValidator<AppointmentListForm>
{
    public static readonly Text DateRequired = new("กรุณาเลือกวันที่", "Choose a day.");
    public static readonly Text DaysRange = new($"แสดงได้ 1 ถึง {AppointmentListForm.DaysMax} วัน", $"Show 1 to {AppointmentListForm.DaysMax} days.");

    public AppointmentListFormValidator()
    {
        RuleFor(x => x.Date).NotNull().Says(DateRequired);
        RuleFor(x => x.Days).InclusiveBetween(1, AppointmentListForm.DaysMax).Says(DaysRange);
    }
}

/// <summary>The visits that hold a seat from a day (Bangkok) for some days, per place; seeing the applicants' names is audited.</summary>
public sealed record ListAppointmentsQuery(DateOnly From, int Days, int? PlaceId) : IQuery<IReadOnlyList<StaffAppointmentDto>>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.ViewAppointments;

    public string? AuditReference => null;

    public string? AuditDetails => $"{From:yyyy-MM-dd} +{Days}d place {PlaceId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"}";
}

public sealed class ListAppointmentsHandler(StaffAppointmentRows rows) : IQueryHandler<ListAppointmentsQuery, IReadOnlyList<StaffAppointmentDto>>
{
    public async ValueTask<IReadOnlyList<StaffAppointmentDto>> Handle(ListAppointmentsQuery query, CancellationToken cancellationToken)
    {
        var from = BangkokTime.At(query.From, TimeOnly.MinValue);
        var to = BangkokTime.At(query.From.AddDays(query.Days), TimeOnly.MinValue);
        var place = query.PlaceId;
        return await rows.WhereAsync(
            a => a.StartsAt >= from && a.StartsAt < to && (place == null || a.PlaceId == place)
                 && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Attended || a.Status == AppointmentStatus.NoShow),
            cancellationToken);
    }
}
