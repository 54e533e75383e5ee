using CctvRequests.Application.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Administration.GetLogo;

/// <summary>The logo's PNG, or null when there is none.</summary>
public sealed record GetLogoQuery : IQuery<byte[]?>;

public sealed class GetLogoHandler(IAppDbContext db) : IQueryHandler<GetLogoQuery, byte[]?>
{
    public async ValueTask<byte[]?> Handle(GetLogoQuery query, CancellationToken cancellationToken) =>
        await db.OrganizationProfiles.AsNoTracking().Select(o => o.LogoPng).SingleAsync(cancellationToken);
}
