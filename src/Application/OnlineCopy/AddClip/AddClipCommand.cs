using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CctvRequests.Application.OnlineCopy.AddClip;

/// <summary>
/// A checked, scanned clip joins the request's online copy (not yet published): promoted to the file store in the
/// same unit of work as its row, so it is visible whole or not at all. <paramref name="UploadId"/>: the resumable
/// upload it completes, whose row goes with it.
/// </summary>
public sealed record AddClipCommand(ReferenceNumber Reference, StagedFile File, Guid? UploadId = null) : ICommand<ClipDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.UploadClip;

    public string? AuditReference => Reference.Value;

    public string? AuditDetails => $"{File.SizeBytes} bytes, {File.ContentType}, SHA-256 {File.Sha256}";

    public override string ToString() => nameof(AddClipCommand);
}

public sealed class AddClipHandler(IAppDbContext db, PromotedFiles files, ICurrentUser user, IOptions<OnlineCopyOptions> options, TimeProvider clock)
    : ICommandHandler<AddClipCommand, ClipDto>
{
    public async ValueTask<ClipDto> Handle(AddClipCommand command, CancellationToken cancellationToken)
    {
        var request = await db.FootageRequests.Include(r => r.DeliveredClips).SingleOrDefaultAsync(r => r.ReferenceNumber == command.Reference, cancellationToken)
                      ?? throw new NotFoundException(StaffRequestLoader.NotFound);
        if (!request.CanDeliverOnline())
        {
            throw new DomainException("online_copy.not_open", RequestTexts.OnlineCopyNotOpen);
        }
        var key = await files.PromoteAsync(command.File, cancellationToken);
        var clip = request.AddDeliveredClip(
            user.Actor, clock.GetUtcNow(), key, command.File.FileName, command.File.ContentType, command.File.SizeBytes, command.File.Sha256, options.Value.MaxClips);
        if (command.UploadId is { } uploadId)
        {
            await db.ClipUploads.Where(u => u.Id == uploadId).ExecuteDeleteAsync(cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return OnlineCopyDtos.Of(clip);
    }
}
