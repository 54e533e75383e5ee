using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Organization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Administration.SetLogo;

/// <summary>A new logo (the PNG as uploaded), or none.</summary>
public sealed record SetLogoCommand(byte[]? Png) : ICommand, IAuditedMessage, IChangesReferenceData
{
    public AuditAction? AuditAction => Audit.AuditAction.ChangeLogo;

    public string? AuditReference => null;

    public override string ToString() => nameof(SetLogoCommand);
}

/// <summary>Every page shows the logo: it is kept as its pixels only, re-encoded as citizens' images are (ADR 0010).</summary>
public sealed class SetLogoHandler(IAppDbContext db, IUploadSanitizer sanitizer, TimeProvider clock) : ICommandHandler<SetLogoCommand>
{
    public async ValueTask<Unit> Handle(SetLogoCommand command, CancellationToken cancellationToken)
    {
        var png = command.Png is null ? null
            : sanitizer.ReEncodePng(command.Png, (long)OrganizationProfile.LogoMaxPixels * OrganizationProfile.LogoMaxPixels)
              ?? throw ValidationMessages.Invalid("logo", SetLogoValidator.NotAPng);
        var profile = await db.OrganizationProfiles.SingleAsync(cancellationToken);
        profile.SetLogo(png, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
