using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.PersonalData.CompleteRightsRequest;

/// <summary>A rights request marked done, with what was done; a second time is a conflict.</summary>
public sealed record CompleteRightsRequestCommand(Guid Id, string? Note) : ICommand<RightsRequestDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.CompleteRightsRequest;

    public string? AuditReference => null;

    public string? AuditDetails => $"rights request {Id}";
}

public sealed class CompleteRightsRequestHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CompleteRightsRequestCommand, RightsRequestDto>
{
    private static readonly Text NotFound = new("ไม่พบคำขอใช้สิทธินี้", "No such rights request.");

    public async ValueTask<RightsRequestDto> Handle(CompleteRightsRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await db.SubjectRightsRequests.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken) ?? throw new NotFoundException(NotFound);
        request.Complete(user.Actor, clock.GetUtcNow(), command.Note);
        await db.SaveChangesAsync(cancellationToken);
        return RightsRequestDto.Of(request, BangkokTime.Today(clock));
    }
}
