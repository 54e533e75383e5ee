using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CctvRequests.Application.OnlineCopy.ReopenDownloads;

/// <summary>The daily limit of wrong identity numbers locked the downloads; an officer (who has spoken with the applicant) opens them again.</summary>
public sealed record ReopenClipDownloadsCommand(ReferenceNumber Reference) : ICommand<StaffOnlineCopyDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.ReopenClipDownloads;

    public string? AuditReference => Reference.Value;
}

public sealed class ReopenClipDownloadsHandler(IAppDbContext db, IOptions<OnlineCopyOptions> options, TimeProvider clock)
    : ICommandHandler<ReopenClipDownloadsCommand, StaffOnlineCopyDto>
{
    public async ValueTask<StaffOnlineCopyDto> Handle(ReopenClipDownloadsCommand command, CancellationToken cancellationToken)
    {
        var request = await db.FootageRequests.Include(r => r.DeliveredClips).Include(r => r.HandOvers)
                          .SingleOrDefaultAsync(r => r.ReferenceNumber == command.Reference, cancellationToken)
                      ?? throw new NotFoundException(StaffRequestLoader.NotFound);
        request.ReopenClipDownloads();
        await db.SaveChangesAsync(cancellationToken);
        return OnlineCopyDtos.Staff(request, BangkokTime.Today(clock), options.Value);
    }
}
