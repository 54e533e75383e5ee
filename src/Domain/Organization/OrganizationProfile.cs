using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;

namespace CctvRequests.Domain.Organization;

/// <summary>
/// What an approved applicant must do next, one text per purpose: someone who asked to view the
/// footage calls to arrange a visit; someone who asked for a copy brings a storage medium.
/// </summary>
public sealed record ApprovedInstructions(Text View, Text Copy)
{
    public Text For(Purpose purpose) => purpose == Purpose.View ? View : Copy;
}

/// <summary>What an administrator states about the organization, each text in Thai and English.</summary>
public sealed record OrganizationDetails(
    Text Name,
    Text Department,
    Text Address,
    string Phone,
    string PhoneExtension,
    ApprovedInstructions ApprovedInstructions,
    Text FormTitle,
    Text OfficerTitle,
    Text CentreHeadTitle,
    Text DeputyTitle,
    Text ChiefExecutiveTitle);

/// <summary>
/// The organization that runs the system (SPEC §8.9): its names, the office citizens deal with,
/// its phone, what an approved citizen must do, the official form's title and the titles of the
/// four who sign it, and its logo. One row, data not code, so another local government runs the
/// same system by changing it.
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
    public const int TitleMax = 300;
    public const int LogoMaxBytes = 512 * 1024;
    public const int LogoMaxPixels = 1000;

    /// <summary>
    /// The logo as stored: re-encoded from its pixels, it may be larger than the upload
    /// (<see cref="LogoMaxBytes"/>), never larger than its raw pixels and the PNG framing.
    /// </summary>
    public const int LogoMaxStoredBytes = (LogoMaxPixels * ((LogoMaxPixels * 4) + 1)) + (64 * 1024);

    private OrganizationProfile()
    {
        NameTh = NameEn = DepartmentTh = DepartmentEn = AddressTh = AddressEn = Phone = PhoneExtension = string.Empty;
        ApprovedViewInstructionsTh = ApprovedViewInstructionsEn = ApprovedCopyInstructionsTh = ApprovedCopyInstructionsEn = string.Empty;
        FormTitleTh = FormTitleEn = string.Empty;
        OfficerTitleTh = OfficerTitleEn = CentreHeadTitleTh = CentreHeadTitleEn = string.Empty;
        DeputyTitleTh = DeputyTitleEn = ChiefExecutiveTitleTh = ChiefExecutiveTitleEn = string.Empty;
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
    /// <summary>What an approved applicant who asked to view the footage does next (call to arrange a visit).</summary>
    public string ApprovedViewInstructionsTh { get; private set; }
    public string ApprovedViewInstructionsEn { get; private set; }

    /// <summary>What an approved applicant who asked for a copy does next (bring a storage medium).</summary>
    public string ApprovedCopyInstructionsTh { get; private set; }
    public string ApprovedCopyInstructionsEn { get; private set; }
    public string FormTitleTh { get; private set; }
    public string FormTitleEn { get; private set; }
    public string OfficerTitleTh { get; private set; }
    public string OfficerTitleEn { get; private set; }
    public string CentreHeadTitleTh { get; private set; }
    public string CentreHeadTitleEn { get; private set; }
    public string DeputyTitleTh { get; private set; }
    public string DeputyTitleEn { get; private set; }
    public string ChiefExecutiveTitleTh { get; private set; }
    public string ChiefExecutiveTitleEn { get; private set; }

    /// <summary>The logo as a PNG; null when there is none.</summary>
    public byte[]? LogoPng { get; private set; }

    /// <summary>Changes with each new logo, so its URL can be cached for good.</summary>
    public int LogoVersion { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// The details as a projection a query can use (<c>Select(OrganizationProfile.DetailsOf)</c>): only their columns
    /// are read, never the logo (up to 512 KB), e.g. for each message a decision composes.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<OrganizationProfile, OrganizationDetails>> DetailsOf = o => new OrganizationDetails(
        new Text(o.NameTh, o.NameEn), new Text(o.DepartmentTh, o.DepartmentEn), new Text(o.AddressTh, o.AddressEn), o.Phone, o.PhoneExtension,
        new ApprovedInstructions(new Text(o.ApprovedViewInstructionsTh, o.ApprovedViewInstructionsEn), new Text(o.ApprovedCopyInstructionsTh, o.ApprovedCopyInstructionsEn)),
        new Text(o.FormTitleTh, o.FormTitleEn), new Text(o.OfficerTitleTh, o.OfficerTitleEn),
        new Text(o.CentreHeadTitleTh, o.CentreHeadTitleEn), new Text(o.DeputyTitleTh, o.DeputyTitleEn), new Text(o.ChiefExecutiveTitleTh, o.ChiefExecutiveTitleEn));

    private static readonly Func<OrganizationProfile, OrganizationDetails> ToDetails = DetailsOf.Compile();

    public OrganizationDetails Details => ToDetails(this);

    public static OrganizationProfile Create(OrganizationDetails details, DateTimeOffset at)
    {
        var profile = new OrganizationProfile { Id = SingletonId };
        profile.Update(details, at);
        return profile;
    }

    public void Update(OrganizationDetails d, DateTimeOffset at)
    {
        (NameTh, NameEn) = Both(d.Name, "name", NameMax);
        (DepartmentTh, DepartmentEn) = Both(d.Department, "department", DepartmentMax);
        (AddressTh, AddressEn) = Both(d.Address, "address", AddressMax);
        Phone = Guard.Text(d.Phone, "phone", 1, PhoneMax);
        PhoneExtension = Guard.Text(d.PhoneExtension, "phoneExtension", 0, ExtensionMax);
        (ApprovedViewInstructionsTh, ApprovedViewInstructionsEn) = Both(d.ApprovedInstructions.View, "approvedInstructions.view", InstructionsMax);
        (ApprovedCopyInstructionsTh, ApprovedCopyInstructionsEn) = Both(d.ApprovedInstructions.Copy, "approvedInstructions.copy", InstructionsMax);
        (FormTitleTh, FormTitleEn) = Both(d.FormTitle, "formTitle", TitleMax);
        (OfficerTitleTh, OfficerTitleEn) = Both(d.OfficerTitle, "officerTitle", TitleMax);
        (CentreHeadTitleTh, CentreHeadTitleEn) = Both(d.CentreHeadTitle, "centreHeadTitle", TitleMax);
        (DeputyTitleTh, DeputyTitleEn) = Both(d.DeputyTitle, "deputyTitle", TitleMax);
        (ChiefExecutiveTitleTh, ChiefExecutiveTitleEn) = Both(d.ChiefExecutiveTitle, "chiefExecutiveTitle", TitleMax);
        UpdatedAt = at.ToUniversalTime();
    }

    /// <summary>A new logo (the application checked it is a PNG within the limits and re-encoded it).</summary>
    public void SetLogo(byte[]? png, DateTimeOffset at)
    {
        if (png is { Length: 0 or > LogoMaxStoredBytes })
        {
            throw new DomainException("logo.size", new Text($"ตราสัญลักษณ์ต้องมีขนาดไม่เกิน {LogoMaxBytes / 1024} KB", $"The logo must be at most {LogoMaxBytes / 1024} KB."));
        }
        LogoPng = png;
        LogoVersion++;
        UpdatedAt = at.ToUniversalTime();
    }

    private static (string Th, string En) Both(Text text, string field, int max) =>
        (Guard.Text(text.Th, field, 1, max), Guard.Text(text.En, field + "En", 1, max));
}
