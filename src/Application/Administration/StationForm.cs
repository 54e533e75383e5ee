using CctvRequests.Application.Administration.CreateStation;
using CctvRequests.Application.Administration.UpdateStation;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Stations;
using FluentValidation;

namespace CctvRequests.Application.Administration;

/// <summary>A station as an administrator adds or changes it.</summary>
public sealed record StationForm(string? Name, string? NameEn, string? District, int? FootageRetentionDays, bool? IsActive, int? SortOrder)
{
    /// <summary>After <see cref="StationFormValidator"/> passed: a new station.</summary>
    public CreateStationCommand ToCommand() => new(ToSettings());

    /// <summary>After <see cref="StationFormValidator"/> passed: station <paramref name="id"/> changed.</summary>
    public UpdateStationCommand ToCommand(int id) => new(id, ToSettings());

    private StationSettings ToSettings() =>
        new(Name!.Trim(), NameEn!.Trim(), District!.Trim(), FootageRetentionDays!.Value, IsActive ?? true, SortOrder ?? 0);
}

/// <summary>A station's settings, typed.</summary>
public sealed record StationSettings(string Name, string NameEn, string District, int FootageRetentionDays, bool IsActive, int SortOrder);

public sealed class StationFormValidator : AbstractValidator<StationForm>
{
    public StationFormValidator()
    {
        RuleFor(x => x.Name).RequiredText("name", Station.NameMax, multiline: false);
        RuleFor(x => x.NameEn).RequiredText("nameEn", Station.NameMax, multiline: false);
        RuleFor(x => x.District).RequiredText("district", Station.DistrictMax, multiline: false);
        RuleFor(x => x.FootageRetentionDays).NotNull().Says(new Text("กรุณากรอกระยะเวลาเก็บภาพ", "Please give the footage retention."))
            .InclusiveBetween(Station.RetentionDaysMin, Station.RetentionDaysMax)
            .Says(new Text($"ระยะเวลาเก็บภาพต้องอยู่ระหว่าง {Station.RetentionDaysMin} ถึง {Station.RetentionDaysMax} วัน",
                $"Footage retention is {Station.RetentionDaysMin} to {Station.RetentionDaysMax} days."))
            .OverridePropertyName("footageRetentionDays");
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 10_000).Says(new Text("ลำดับต้องอยู่ระหว่าง 0 ถึง 10000", "Order is 0 to 10000."))
            .OverridePropertyName("sortOrder");
    }
}
