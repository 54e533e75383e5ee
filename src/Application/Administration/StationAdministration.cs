using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Staff.Reference;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Stations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Administration;

/// <summary>A station as an administrator adds or changes it.</summary>
public sealed record StationForm(string? Name, string? NameEn, string? District, int? FootageRetentionDays, bool? IsActive, int? SortOrder);

public sealed record CreateStationCommand(StationForm Form) : ICommand<StaffStationDto>, IAuditedMessage, IChangesReferenceData
{
    public AuditAction? AuditAction => Audit.AuditAction.CreateStation;

    public string? AuditReference => null;

    public string? AuditDetails => Form.NameEn;
}

public sealed record UpdateStationCommand(int Id, StationForm Form) : ICommand<StaffStationDto>, IAuditedMessage, IChangesReferenceData
{
    public AuditAction? AuditAction => Audit.AuditAction.UpdateStation;

    public string? AuditReference => null;

    public string? AuditDetails => $"station {Id}";
}

public sealed class StationFormRules : AbstractValidator<StationForm>
{
    public StationFormRules()
    {
        Text(x => x.Name, "name", Station.NameMax);
        Text(x => x.NameEn, "nameEn", Station.NameMax);
        Text(x => x.District, "district", Station.DistrictMax);
        RuleFor(x => x.FootageRetentionDays).NotNull().Says(new("กรุณากรอกระยะเวลาเก็บภาพ", "Please give the footage retention."))
            .InclusiveBetween(Station.RetentionDaysMin, Station.RetentionDaysMax)
            .Says(new($"ระยะเวลาเก็บภาพต้องอยู่ระหว่าง {Station.RetentionDaysMin} ถึง {Station.RetentionDaysMax} วัน",
                $"Footage retention is {Station.RetentionDaysMin} to {Station.RetentionDaysMax} days."))
            .OverridePropertyName("footageRetentionDays");
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 10_000).Says(new("ลำดับต้องอยู่ระหว่าง 0 ถึง 10000", "Order is 0 to 10000."))
            .OverridePropertyName("sortOrder");
    }

    private void Text(System.Linq.Expressions.Expression<Func<StationForm, string?>> member, string name, int max) =>
        RuleFor(member)
            .Must(v => !string.IsNullOrWhiteSpace(v)).Says(new Text("กรุณากรอกข้อมูลช่องนี้", "Please fill this in."))
            .Must(v => v!.Trim().Length <= max).Says(UpdateOrganizationValidator.TooLong(max))
            .Must(v => TextRules.IsClean(v!, multiline: false)).Says(new Text("มีอักขระที่ใช้ไม่ได้", "Contains characters that cannot be used."))
            .OverridePropertyName(name);
}

public sealed class CreateStationValidator : AbstractValidator<CreateStationCommand>
{
    public CreateStationValidator() => RuleFor(x => x.Form).SetValidator(new StationFormRules()).OverridePropertyName(string.Empty);
}

public sealed class UpdateStationValidator : AbstractValidator<UpdateStationCommand>
{
    public UpdateStationValidator() => RuleFor(x => x.Form).SetValidator(new StationFormRules()).OverridePropertyName(string.Empty);
}

public sealed class StationHandlers(IAppDbContext db) :
    ICommandHandler<CreateStationCommand, StaffStationDto>,
    ICommandHandler<UpdateStationCommand, StaffStationDto>
{
    public static readonly Text NotFound = new("ไม่พบสถานที่นี้", "No such location.");

    public async ValueTask<StaffStationDto> Handle(CreateStationCommand command, CancellationToken cancellationToken)
    {
        var f = command.Form;
        var station = Station.Create(0, f.Name!.Trim(), f.NameEn!.Trim(), f.District!.Trim(), f.FootageRetentionDays!.Value, f.IsActive ?? true, f.SortOrder ?? 0);
        db.Stations.Add(station);
        await db.SaveChangesAsync(cancellationToken);
        return Dto(station);
    }

    public async ValueTask<StaffStationDto> Handle(UpdateStationCommand command, CancellationToken cancellationToken)
    {
        var station = await db.Stations.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken) ?? throw new NotFoundException(NotFound);
        var f = command.Form;
        station.Update(f.Name!.Trim(), f.NameEn!.Trim(), f.District!.Trim(), f.FootageRetentionDays!.Value, f.IsActive ?? true, f.SortOrder ?? 0);
        await db.SaveChangesAsync(cancellationToken);
        return Dto(station);
    }

    private static StaffStationDto Dto(Station s) => new(s.Id, s.Name, s.NameEn, s.District, s.FootageRetentionDays, s.IsActive);
}
