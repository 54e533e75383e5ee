using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Organization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Administration;

/// <summary>A text as typed, Thai and English; either may be missing until the validator has looked.</summary>
public sealed record TextForm(string? Th, string? En)
{
    public Text ToText() => new(Th!.Trim(), En!.Trim());

    public static TextForm From(Text text) => new(text.Th, text.En);
}

/// <summary>What an approved applicant does next, per purpose: <c>{ view: { th, en }, copy: { th, en } }</c>, the shape the pages read.</summary>
public sealed record ApprovedInstructionsForm(TextForm? View, TextForm? Copy)
{
    public ApprovedInstructions ToInstructions() => new(View!.ToText(), Copy!.ToText());

    public static ApprovedInstructionsForm From(ApprovedInstructions instructions) => new(TextForm.From(instructions.View), TextForm.From(instructions.Copy));
}

/// <summary>The organization profile as administrators edit it: every text, Thai and English side by side.</summary>
public sealed record OrganizationForm(
    string? NameTh, string? NameEn, string? DepartmentTh, string? DepartmentEn, string? AddressTh, string? AddressEn,
    string? Phone, string? PhoneExtension, ApprovedInstructionsForm? ApprovedInstructions,
    string? FormTitleTh, string? FormTitleEn, string? OfficerTitleTh, string? OfficerTitleEn, string? CentreHeadTitleTh, string? CentreHeadTitleEn,
    string? DeputyTitleTh, string? DeputyTitleEn, string? ChiefExecutiveTitleTh, string? ChiefExecutiveTitleEn)
{
    public OrganizationDetails ToDetails() => new(
        T(NameTh, NameEn), T(DepartmentTh, DepartmentEn), T(AddressTh, AddressEn), Phone!.Trim(), PhoneExtension?.Trim() ?? string.Empty,
        ApprovedInstructions!.ToInstructions(), T(FormTitleTh, FormTitleEn), T(OfficerTitleTh, OfficerTitleEn),
        T(CentreHeadTitleTh, CentreHeadTitleEn), T(DeputyTitleTh, DeputyTitleEn), T(ChiefExecutiveTitleTh, ChiefExecutiveTitleEn));

    public static OrganizationForm From(OrganizationDetails d) => new(
        d.Name.Th, d.Name.En, d.Department.Th, d.Department.En, d.Address.Th, d.Address.En, d.Phone, d.PhoneExtension,
        ApprovedInstructionsForm.From(d.ApprovedInstructions), d.FormTitle.Th, d.FormTitle.En, d.OfficerTitle.Th, d.OfficerTitle.En,
        d.CentreHeadTitle.Th, d.CentreHeadTitle.En, d.DeputyTitle.Th, d.DeputyTitle.En, d.ChiefExecutiveTitle.Th, d.ChiefExecutiveTitle.En);

    private static Text T(string? th, string? en) => new(th!.Trim(), en!.Trim());
}

public sealed record OrganizationAdminDto(OrganizationForm Profile, bool HasLogo);

public sealed record GetOrganizationQuery : IQuery<OrganizationAdminDto>;

public sealed record UpdateOrganizationCommand(OrganizationForm Form) : ICommand<OrganizationAdminDto>, IAuditedMessage, IChangesReferenceData
{
    public AuditAction? AuditAction => Audit.AuditAction.UpdateOrganization;

    public string? AuditReference => null;
}

/// <summary>A new logo (PNG bytes), or none.</summary>
public sealed record SetLogoCommand(byte[]? Png) : ICommand, IAuditedMessage, IChangesReferenceData
{
    public AuditAction? AuditAction => Audit.AuditAction.ChangeLogo;

    public string? AuditReference => null;

    public override string ToString() => nameof(SetLogoCommand);
}

public sealed record GetLogoQuery : IQuery<byte[]?>;

public sealed class UpdateOrganizationValidator : AbstractValidator<UpdateOrganizationCommand>
{
    public UpdateOrganizationValidator()
    {
        Field(f => f.NameTh, "nameTh", OrganizationProfile.NameMax);
        Field(f => f.NameEn, "nameEn", OrganizationProfile.NameMax);
        Field(f => f.DepartmentTh, "departmentTh", OrganizationProfile.DepartmentMax);
        Field(f => f.DepartmentEn, "departmentEn", OrganizationProfile.DepartmentMax);
        Field(f => f.AddressTh, "addressTh", OrganizationProfile.AddressMax);
        Field(f => f.AddressEn, "addressEn", OrganizationProfile.AddressMax);
        Field(f => f.Phone, "phone", OrganizationProfile.PhoneMax);
        RuleFor(x => x.Form.PhoneExtension).MaximumLength(OrganizationProfile.ExtensionMax).Says(TooLong(OrganizationProfile.ExtensionMax))
            .OverridePropertyName("phoneExtension");
        Field(f => f.ApprovedInstructions?.View?.Th, "approvedInstructions.view.th", OrganizationProfile.InstructionsMax);
        Field(f => f.ApprovedInstructions?.View?.En, "approvedInstructions.view.en", OrganizationProfile.InstructionsMax);
        Field(f => f.ApprovedInstructions?.Copy?.Th, "approvedInstructions.copy.th", OrganizationProfile.InstructionsMax);
        Field(f => f.ApprovedInstructions?.Copy?.En, "approvedInstructions.copy.en", OrganizationProfile.InstructionsMax);
        Field(f => f.FormTitleTh, "formTitleTh", OrganizationProfile.TitleMax);
        Field(f => f.FormTitleEn, "formTitleEn", OrganizationProfile.TitleMax);
        Field(f => f.OfficerTitleTh, "officerTitleTh", OrganizationProfile.TitleMax);
        Field(f => f.OfficerTitleEn, "officerTitleEn", OrganizationProfile.TitleMax);
        Field(f => f.CentreHeadTitleTh, "centreHeadTitleTh", OrganizationProfile.TitleMax);
        Field(f => f.CentreHeadTitleEn, "centreHeadTitleEn", OrganizationProfile.TitleMax);
        Field(f => f.DeputyTitleTh, "deputyTitleTh", OrganizationProfile.TitleMax);
        Field(f => f.DeputyTitleEn, "deputyTitleEn", OrganizationProfile.TitleMax);
        Field(f => f.ChiefExecutiveTitleTh, "chiefExecutiveTitleTh", OrganizationProfile.TitleMax);
        Field(f => f.ChiefExecutiveTitleEn, "chiefExecutiveTitleEn", OrganizationProfile.TitleMax);
    }

    public static Text TooLong(int max) => new($"ต้องไม่เกิน {max} ตัวอักษร", $"At most {max} characters.");

    private void Field(Func<OrganizationForm, string?> get, string name, int max)
    {
        RuleFor(x => get(x.Form))
            .Must(v => !string.IsNullOrWhiteSpace(v)).Says(new Text("กรุณากรอกข้อมูลช่องนี้", "Please fill this in."))
            .Must(v => v!.Trim().Length <= max).Says(TooLong(max))
            .Must(v => TextRules.IsClean(v!, multiline: true)).Says(new Text("มีอักขระที่ใช้ไม่ได้", "Contains characters that cannot be used."))
            .OverridePropertyName(name);
    }
}

public sealed class OrganizationHandlers(IAppDbContext db, IImageInspector images, TimeProvider clock) :
    IQueryHandler<GetOrganizationQuery, OrganizationAdminDto>,
    ICommandHandler<UpdateOrganizationCommand, OrganizationAdminDto>,
    ICommandHandler<SetLogoCommand>,
    IQueryHandler<GetLogoQuery, byte[]?>
{
    public static readonly Text NotAPng = new(
        $"ตราสัญลักษณ์ต้องเป็นไฟล์ PNG ขนาดไม่เกิน {OrganizationProfile.LogoMaxPixels} × {OrganizationProfile.LogoMaxPixels} พิกเซล และ {OrganizationProfile.LogoMaxBytes / 1024} KB",
        $"The logo must be a PNG of at most {OrganizationProfile.LogoMaxPixels} × {OrganizationProfile.LogoMaxPixels} pixels and {OrganizationProfile.LogoMaxBytes / 1024} KB.");

    public async ValueTask<OrganizationAdminDto> Handle(GetOrganizationQuery query, CancellationToken cancellationToken)
    {
        var profile = await db.OrganizationProfiles.AsNoTracking().SingleAsync(cancellationToken);
        return new OrganizationAdminDto(OrganizationForm.From(profile.Details), profile.LogoPng is not null);
    }

    public async ValueTask<OrganizationAdminDto> Handle(UpdateOrganizationCommand command, CancellationToken cancellationToken)
    {
        var profile = await db.OrganizationProfiles.SingleAsync(cancellationToken);
        profile.Update(command.Form.ToDetails(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new OrganizationAdminDto(OrganizationForm.From(profile.Details), profile.LogoPng is not null);
    }

    public async ValueTask<Unit> Handle(SetLogoCommand command, CancellationToken cancellationToken)
    {
        if (command.Png is { } png
            && (png.Length > OrganizationProfile.LogoMaxBytes
                || images.InspectPng(png, OrganizationProfile.LogoMaxPixels, OrganizationProfile.LogoMaxPixels) is not { } facts
                || facts.Width > OrganizationProfile.LogoMaxPixels || facts.Height > OrganizationProfile.LogoMaxPixels))
        {
            throw ValidationMessages.Invalid("logo", NotAPng);
        }
        var profile = await db.OrganizationProfiles.SingleAsync(cancellationToken);
        profile.SetLogo(command.Png, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<byte[]?> Handle(GetLogoQuery query, CancellationToken cancellationToken) =>
        await db.OrganizationProfiles.AsNoTracking().Select(o => o.LogoPng).SingleAsync(cancellationToken);
}
