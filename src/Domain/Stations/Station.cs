using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Stations;

/// <summary>A camera station (จุดติดตั้งกล้อง) the organization runs; data, so any organization can run the system.</summary>
public sealed class Station
{
    public const int NameMax = 300;
    public const int DistrictMax = 100;
    public const int DefaultRetentionDays = 30;
    public const int RetentionDaysMin = 1;
    public const int RetentionDaysMax = 3650;

    private Station()
    {
        Name = NameEn = District = string.Empty;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public string NameEn { get; private set; }

    /// <summary>The station's name in both languages.</summary>
    public Text DisplayName => new(Name, NameEn);
    public string District { get; private set; }

    /// <summary>How many days the cameras keep footage before overwriting it.</summary>
    public int FootageRetentionDays { get; private set; }

    public bool IsActive { get; private set; }
    public int SortOrder { get; private set; }

    public static Station Create(int id, string name, string nameEn, string district, int footageRetentionDays = DefaultRetentionDays, bool isActive = true, int sortOrder = 0)
    {
        var station = new Station { Id = id };
        station.Update(name, nameEn, district, footageRetentionDays, isActive, sortOrder);
        return station;
    }

    /// <summary>An administrator renames a station, changes its cameras' retention, or stops it taking requests.</summary>
    public void Update(string name, string nameEn, string district, int footageRetentionDays, bool isActive, int sortOrder)
    {
        if (footageRetentionDays is < RetentionDaysMin or > RetentionDaysMax)
        {
            throw new DomainException("station.retention", new Text(
                $"ระยะเวลาเก็บข้อมูลภาพต้องอยู่ระหว่าง {RetentionDaysMin} ถึง {RetentionDaysMax} วัน",
                $"Footage retention must be {RetentionDaysMin} to {RetentionDaysMax} days."));
        }
        Name = Guard.Text(name, nameof(name), 1, NameMax);
        NameEn = Guard.Text(nameEn, nameof(nameEn), 1, NameMax);
        District = Guard.Text(district, nameof(district), 1, DistrictMax);
        FootageRetentionDays = footageRetentionDays;
        IsActive = isActive;
        SortOrder = sortOrder;
    }

    /// <summary>Incident date plus the retention period: the first day the footage may be gone.</summary>
    public DateOnly FootageOverwrittenOn(DateOnly incidentDate) => incidentDate.AddDays(FootageRetentionDays);
}
