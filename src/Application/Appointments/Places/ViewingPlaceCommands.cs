using System.Globalization;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Appointments;
using CctvRequests.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Appointments.Places;

/// <summary>A viewing place as an administrator edits it; hours as <c>{day: "Monday", opens: "09:00", closes: "16:00"}</c> in Bangkok's time.</summary>
public sealed record ViewingPlaceForm(
    string? Name, string? NameEn, string? Address, string? AddressEn, string? MapUrl, string? WhatToBring, string? WhatToBringEn,
    IReadOnlyList<OpeningHoursDto>? Hours, int? SlotMinutes, int? Seats, int? DaysAhead, int? LatestChangeHours, bool? IsActive, int? SortOrder)
{
    public ViewingPlaceDetails ToDetails() => new(
        new Text(Name!.Trim(), NameEn!.Trim()), new Text(Address!.Trim(), AddressEn!.Trim()), MapUrl, new Text(WhatToBring!.Trim(), WhatToBringEn!.Trim()),
        (Hours ?? []).Select(h => new OpeningHours(Enum.Parse<DayOfWeek>(h.Day), TimeOnly.ParseExact(h.Opens, "HH:mm", CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(h.Closes, "HH:mm", CultureInfo.InvariantCulture))).ToList(),
        SlotMinutes ?? ViewingPlace.DefaultSlotMinutes, Seats ?? ViewingPlace.DefaultSeats, DaysAhead ?? ViewingPlace.DefaultDaysAhead,
        LatestChangeHours ?? ViewingPlace.DefaultLatestChangeHours, IsActive ?? true, SortOrder ?? 0);

    public static bool IsTime(string? value) => TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}

public sealed class ViewingPlaceFormValidator : AbstractValidator<ViewingPlaceForm>
{
    public static readonly Text Required = new("กรุณากรอกข้อมูลช่องนี้", "Fill in this field.");
    public static readonly Text HoursInvalid = new("เวลาเปิดปิดต้องเป็นวัน (Monday..Sunday) และเวลาแบบ HH:mm", "Each range is a day (Monday..Sunday) and HH:mm times.");

    public ViewingPlaceFormValidator()
    {
        RuleFor(x => x.Name).NotEmpty().Says(Required).MaximumLength(ViewingPlace.NameMax).Says(Required);
        RuleFor(x => x.NameEn).NotEmpty().Says(Required).MaximumLength(ViewingPlace.NameMax).Says(Required);
        RuleFor(x => x.Address).NotEmpty().Says(Required).MaximumLength(ViewingPlace.AddressMax).Says(Required);
        RuleFor(x => x.AddressEn).NotEmpty().Says(Required).MaximumLength(ViewingPlace.AddressMax).Says(Required);
        RuleFor(x => x.WhatToBring).NotEmpty().Says(Required).MaximumLength(ViewingPlace.WhatToBringMax).Says(Required);
        RuleFor(x => x.WhatToBringEn).NotEmpty().Says(Required).MaximumLength(ViewingPlace.WhatToBringMax).Says(Required);
        RuleFor(x => x.MapUrl).Must(v => string.IsNullOrWhiteSpace(v) || ViewingPlace.IsWebLink(v)).Says(AppointmentTexts.MapUrlInvalid);
        RuleFor(x => x.Hours).Must(h => h is null || h.All(r => Enum.TryParse<DayOfWeek>(r.Day, out var d) && Enum.IsDefined(d) && !int.TryParse(r.Day, out _)
                                                          && ViewingPlaceForm.IsTime(r.Opens) && ViewingPlaceForm.IsTime(r.Closes)))
            .Says(HoursInvalid);
        RuleFor(x => x.SlotMinutes).InclusiveBetween(ViewingPlace.SlotMinutesMin, ViewingPlace.SlotMinutesMax).Says(AppointmentTexts.SlotMinutesRange);
        RuleFor(x => x.Seats).InclusiveBetween(ViewingPlace.SeatsMin, ViewingPlace.SeatsMax).Says(AppointmentTexts.SeatsRange);
        RuleFor(x => x.DaysAhead).InclusiveBetween(ViewingPlace.DaysAheadMin, ViewingPlace.DaysAheadMax).Says(AppointmentTexts.DaysAheadRange);
        RuleFor(x => x.LatestChangeHours).InclusiveBetween(ViewingPlace.LatestChangeHoursMin, ViewingPlace.LatestChangeHoursMax).Says(AppointmentTexts.LatestChangeRange);
    }
}

/// <summary>Every viewing place with its texts in both languages (staff: the day list's filter; administrators: the settings).</summary>
public sealed record ListViewingPlacesQuery : IQuery<IReadOnlyList<ViewingPlaceDto>>;

public sealed class ListViewingPlacesHandler(IAppDbContext db) : IQueryHandler<ListViewingPlacesQuery, IReadOnlyList<ViewingPlaceDto>>
{
    public async ValueTask<IReadOnlyList<ViewingPlaceDto>> Handle(ListViewingPlacesQuery query, CancellationToken cancellationToken) =>
        (await db.ViewingPlaces.AsNoTracking().OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(cancellationToken)).Select(AppointmentDtos.Of).ToList();
}

/// <summary>An administrator adds (no id) or changes a viewing place; bookings already made keep their times.</summary>
public sealed record SaveViewingPlaceCommand(int? Id, ViewingPlaceDetails Details) : ICommand<ViewingPlaceDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Id is null ? Audit.AuditAction.CreateViewingPlace : Audit.AuditAction.UpdateViewingPlace;

    public string? AuditReference => null;

    public string? AuditDetails { get; set; }
}

public sealed class SaveViewingPlaceHandler(IAppDbContext db) : ICommandHandler<SaveViewingPlaceCommand, ViewingPlaceDto>
{
    public async ValueTask<ViewingPlaceDto> Handle(SaveViewingPlaceCommand command, CancellationToken cancellationToken)
    {
        ViewingPlace place;
        if (command.Id is { } id)
        {
            place = await db.ViewingPlaces.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException(AppointmentSchedule.NotFound);
            place.Update(command.Details);
        }
        else
        {
            place = ViewingPlace.Create(command.Details);
            db.ViewingPlaces.Add(place);
        }
        await db.SaveChangesAsync(cancellationToken);
        command.AuditDetails = $"place {place.Id}";
        return AppointmentDtos.Of(place);
    }
}

/// <summary>A closed day: <c>date</c> yyyy-MM-dd; <c>yearly</c> closes its month and day every year.</summary>
public sealed record ClosedDayForm(DateOnly? Date, bool? Yearly, string? Name, string? NameEn)
{
    public AddClosedDayCommand ToCommand() => new(Date!.Value, Yearly ?? false, new Text(Name!.Trim(), NameEn!.Trim()));
}

public sealed class ClosedDayFormValidator : AbstractValidator<ClosedDayForm>
{
    public ClosedDayFormValidator()
    {
        RuleFor(x => x.Date).NotNull().Says(ListAppointments.AppointmentListFormValidator.DateRequired);
        RuleFor(x => x.Name).NotEmpty().Says(ViewingPlaceFormValidator.Required).MaximumLength(ClosedDay.NameMax).Says(ViewingPlaceFormValidator.Required);
        RuleFor(x => x.NameEn).NotEmpty().Says(ViewingPlaceFormValidator.Required).MaximumLength(ClosedDay.NameMax).Says(ViewingPlaceFormValidator.Required);
    }
}

public sealed record ListClosedDaysQuery : IQuery<IReadOnlyList<ClosedDayDto>>;

public sealed class ListClosedDaysHandler(IAppDbContext db) : IQueryHandler<ListClosedDaysQuery, IReadOnlyList<ClosedDayDto>>
{
    public async ValueTask<IReadOnlyList<ClosedDayDto>> Handle(ListClosedDaysQuery query, CancellationToken cancellationToken) =>
        (await db.ClosedDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync(cancellationToken)).Select(AppointmentDtos.Of).ToList();
}

public sealed record AddClosedDayCommand(DateOnly Date, bool Yearly, Text Name) : ICommand<ClosedDayDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.AddClosedDay;

    public string? AuditReference => null;

    public string? AuditDetails => $"{Date:yyyy-MM-dd}{(Yearly ? " yearly" : string.Empty)}";
}

public sealed class AddClosedDayHandler(IAppDbContext db) : ICommandHandler<AddClosedDayCommand, ClosedDayDto>
{
    public async ValueTask<ClosedDayDto> Handle(AddClosedDayCommand command, CancellationToken cancellationToken)
    {
        var day = ClosedDay.Create(command.Date, command.Yearly, command.Name);
        db.ClosedDays.Add(day);
        await db.SaveChangesAsync(cancellationToken);
        return AppointmentDtos.Of(day);
    }
}

public sealed record RemoveClosedDayCommand(int Id) : ICommand<Unit>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.RemoveClosedDay;

    public string? AuditReference => null;

    public string? AuditDetails => $"closed day {Id}";
}

public sealed class RemoveClosedDayHandler(IAppDbContext db) : ICommandHandler<RemoveClosedDayCommand, Unit>
{
    public static readonly Text NotFound = new("ไม่พบวันหยุดนี้", "No such closed day.");

    public async ValueTask<Unit> Handle(RemoveClosedDayCommand command, CancellationToken cancellationToken)
    {
        var day = await db.ClosedDays.SingleOrDefaultAsync(d => d.Id == command.Id, cancellationToken) ?? throw new NotFoundException(NotFound);
        db.ClosedDays.Remove(day);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
