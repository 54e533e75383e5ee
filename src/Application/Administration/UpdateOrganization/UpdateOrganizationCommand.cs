using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Administration.GetOrganization;
using CctvRequests.Application.Audit;
using CctvRequests.Domain.Organization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Administration.UpdateOrganization;

public sealed record UpdateOrganizationCommand(OrganizationDetails Details) : ICommand<OrganizationAdminDto>, IAuditedMessage, IChangesReferenceData
{
    public AuditAction? AuditAction => Audit.AuditAction.UpdateOrganization;

    public string? AuditReference => null;
}

public sealed class UpdateOrganizationHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<UpdateOrganizationCommand, OrganizationAdminDto>
{
    public async ValueTask<OrganizationAdminDto> Handle(UpdateOrganizationCommand command, CancellationToken cancellationToken)
    {
        var profile = await db.OrganizationProfiles.SingleAsync(cancellationToken);
        profile.Update(command.Details, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return OrganizationAdminDto.Of(profile);
    }
}
