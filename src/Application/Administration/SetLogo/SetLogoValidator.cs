using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Organization;
using FluentValidation;

namespace CctvRequests.Application.Administration.SetLogo;

/// <summary>The upload is a PNG within the logo's limits (bytes and pixels); none at all removes the logo.</summary>
public sealed class SetLogoValidator : AbstractValidator<SetLogoCommand>
{
    public static readonly Text NotAPng = new(
        $"ตราสัญลักษณ์ต้องเป็นไฟล์ PNG ขนาดไม่เกิน {OrganizationProfile.LogoMaxPixels} × {OrganizationProfile.LogoMaxPixels} พิกเซล และ {OrganizationProfile.LogoMaxBytes / 1024} KB",
        $"The logo must be a PNG of at most {OrganizationProfile.LogoMaxPixels} × {OrganizationProfile.LogoMaxPixels} pixels and {OrganizationProfile.LogoMaxBytes / 1024} KB.");

    public SetLogoValidator(IImageInspector images) =>
        RuleFor(x => x.Png)
            .Must(png => png is null
                         || (png.Length <= OrganizationProfile.LogoMaxBytes
                             && images.InspectPng(png, OrganizationProfile.LogoMaxPixels, OrganizationProfile.LogoMaxPixels) is { } facts
                             && facts.Width <= OrganizationProfile.LogoMaxPixels && facts.Height <= OrganizationProfile.LogoMaxPixels))
            .Says(NotAPng)
            .OverridePropertyName("logo");
}
