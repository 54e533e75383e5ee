using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Organization;

/// <summary>
/// The organization that runs the system (SPEC §8.9): its names, the office citizens deal with,
/// its phone, and what an approved citizen must do. One row, data not code, so another local
/// government runs the same system by changing it.
/// </summary>
public sealed class OrganizationProfile
{
    public const int SingletonId = 1;
    public const int NameMax = 200;
    public const int DepartmentMax = 200;
    public const int AddressMax = 500;
    public const int PhoneMax = 30;
    public const int ExtensionMax = 10;
    public const int InstructionsMax = 2000;

    private OrganizationProfile()
    {
        NameTh = NameEn = DepartmentTh = DepartmentEn = AddressTh = AddressEn = Phone = PhoneExtension = string.Empty;
        ApprovedInstructionsTh = ApprovedInstructionsEn = string.Empty;
    }

    public int Id { get; private set; }
    public string NameTh { get; private set; }
    public string NameEn { get; private set; }
    public string DepartmentTh { get; private set; }
    public string DepartmentEn { get; private set; }
    public string AddressTh { get; private set; }
    public string AddressEn { get; private set; }

    /// <summary>As citizens dial it, e.g. <c>054-237600</c>.</summary>
    public string Phone { get; private set; }

    public string PhoneExtension { get; private set; }

    /// <summary>What an approved citizen does next (bring a storage device, call first).</summary>
    public string ApprovedInstructionsTh { get; private set; }

    public string ApprovedInstructionsEn { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Text Name => new(NameTh, NameEn);
    public Text Department => new(DepartmentTh, DepartmentEn);
    public Text Address => new(AddressTh, AddressEn);
    public Text ApprovedInstructions => new(ApprovedInstructionsTh, ApprovedInstructionsEn);

    public static OrganizationProfile Create(
        Text name, Text department, Text address, string phone, string phoneExtension, Text approvedInstructions, DateTimeOffset at)
    {
        var profile = new OrganizationProfile { Id = SingletonId };
        profile.Update(name, department, address, phone, phoneExtension, approvedInstructions, at);
        return profile;
    }

    public void Update(Text name, Text department, Text address, string phone, string phoneExtension, Text approvedInstructions, DateTimeOffset at)
    {
        NameTh = Guard.Text(name.Th, "name", 1, NameMax);
        NameEn = Guard.Text(name.En, "nameEn", 1, NameMax);
        DepartmentTh = Guard.Text(department.Th, "department", 1, DepartmentMax);
        DepartmentEn = Guard.Text(department.En, "departmentEn", 1, DepartmentMax);
        AddressTh = Guard.Text(address.Th, "address", 1, AddressMax);
        AddressEn = Guard.Text(address.En, "addressEn", 1, AddressMax);
        Phone = Guard.Text(phone, "phone", 1, PhoneMax);
        PhoneExtension = Guard.Text(phoneExtension, "phoneExtension", 0, ExtensionMax);
        ApprovedInstructionsTh = Guard.Text(approvedInstructions.Th, "approvedInstructions", 1, InstructionsMax);
        ApprovedInstructionsEn = Guard.Text(approvedInstructions.En, "approvedInstructionsEn", 1, InstructionsMax);
        UpdatedAt = at.ToUniversalTime();
    }
}
