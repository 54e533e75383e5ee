using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.OnlineCopy.DownloadClip;

public sealed record ClipFileDto(Guid RequestId, Guid ClipId, string StorageKey, string FileName, string ContentType, long SizeBytes, string Sha256);

/// <summary>A clip of a request whose download session is open: still stored and downloadable now.</summary>
public sealed record GetClipForDownloadQuery(Guid RequestId, Guid ClipId) : IQuery<ClipFileDto>;

public sealed class GetClipForDownloadHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetClipForDownloadQuery, ClipFileDto>
{
    public static readonly Text Gone = new(
        "ไฟล์ภาพนี้ไม่มีให้ดาวน์โหลดแล้ว (หมดระยะเวลาดาวน์โหลด หรือถูกระงับ) กรุณาติดต่อหน่วยงาน",
        "This clip is no longer available to download (the period ended, or downloads are locked). Please contact the office.");

    public async ValueTask<ClipFileDto> Handle(GetClipForDownloadQuery query, CancellationToken cancellationToken)
    {
        var request = await db.FootageRequests.AsNoTracking().Include(r => r.DeliveredClips).SingleOrDefaultAsync(r => r.Id == query.RequestId, cancellationToken)
                      ?? throw new NotFoundException(Gone);
        var clip = request.DeliveredClips.SingleOrDefault(c => c.Id == query.ClipId && c.StorageKey is not null);
        if (clip is null || !request.CanDownloadClips(clock.GetUtcNow()))
        {
            throw new NotFoundException(Gone);
        }
        return new ClipFileDto(request.Id, clip.Id, clip.StorageKey!, clip.FileName, clip.ContentType, clip.SizeBytes, clip.Sha256);
    }
}

/// <summary>One download, recorded in the hand-over and the audit log: which clip, from which byte, how many went, to which client (/64).</summary>
public sealed record RecordClipDownloadCommand(Guid RequestId, Guid ClipId, long BytesSent, long? RangeStart, string Client) : ICommand<bool>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.DownloadClip;

    public string? AuditReference { get; set; }

    public string? AuditDetails => $"clip {ClipId}: {BytesSent} bytes{(RangeStart is { } start ? $" from byte {start}" : string.Empty)} to {Client}";
}

public sealed class RecordClipDownloadHandler(IAppDbContext db, Notifications.RequestEvents events, TimeProvider clock) : ICommandHandler<RecordClipDownloadCommand, bool>
{
    public async ValueTask<bool> Handle(RecordClipDownloadCommand command, CancellationToken cancellationToken)
    {
        var request = await db.FootageRequests.Include(r => r.DeliveredClips).Include(r => r.HandOvers)
                          .SingleOrDefaultAsync(r => r.Id == command.RequestId, cancellationToken)
                      ?? throw new NotFoundException(GetClipForDownloadHandler.Gone);
        command.AuditReference = request.ReferenceNumber.Value;
        request.RecordClipDownload(command.ClipId, clock.GetUtcNow(), command.BytesSent, command.RangeStart, command.Client);
        var clip = request.DeliveredClips.Single(c => c.Id == command.ClipId);
        await events.RaiseAsync(request, Notifications.MessageEvent.CopyDownloaded, cancellationToken,
            new { clip = new { clip.SizeBytes, clip.Sha256 }, command.BytesSent, command.RangeStart });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
