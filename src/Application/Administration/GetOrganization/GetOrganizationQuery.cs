using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Organization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Administration.GetOrganization;

public sealed record GetOrganizationQuery : IQuery<OrganizationAdminDto>;

public sealed record OrganizationAdminDto(OrganizationForm Profile, bool HasLogo)
{
    public static OrganizationAdminDto Of(OrganizationProfile profile) => new(OrganizationForm.From(profile.Details), profile.LogoPng is not null);
}

public sealed class GetOrganizationHandler(IAppDbContext db) : IQueryHandler<GetOrganizationQuery, OrganizationAdminDto>
{
    public async ValueTask<OrganizationAdminDto> Handle(GetOrganizationQuery query, CancellationToken cancellationToken) =>
        OrganizationAdminDto.Of(await db.OrganizationProfiles.AsNoTracking().SingleAsync(cancellationToken));
}
