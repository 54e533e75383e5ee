using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CctvRequests.Application.OnlineCopy.GetOnlineCopy;

/// <summary>The request's online copy as staff see it: clips, publication, expiry, lock and every download.</summary>
public sealed record GetOnlineCopyQuery(ReferenceNumber Reference) : IQuery<StaffOnlineCopyDto>;

public sealed class GetOnlineCopyHandler(IAppDbContext db, IOptions<OnlineCopyOptions> options, TimeProvider clock) : IQueryHandler<GetOnlineCopyQuery, StaffOnlineCopyDto>
{
    public async ValueTask<StaffOnlineCopyDto> Handle(GetOnlineCopyQuery query, CancellationToken cancellationToken)
    {
        var request = await db.FootageRequests.AsNoTracking().Include(r => r.DeliveredClips).Include(r => r.HandOvers).AsSplitQuery()
                          .SingleOrDefaultAsync(r => r.ReferenceNumber == query.Reference, cancellationToken)
                      ?? throw new NotFoundException(StaffRequestLoader.NotFound);
        return OnlineCopyDtos.Staff(request, BangkokTime.Today(clock), options.Value);
    }
}
