using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.OnlineCopy.ClipUploadStatus;

public sealed record ClipUploadFacts(Guid Id, ReferenceNumber Reference, string FileName, long TotalBytes);

/// <summary>A resumable upload under way, and the request it is for.</summary>
public sealed record GetClipUploadQuery(Guid UploadId) : IQuery<ClipUploadFacts>;

public sealed class GetClipUploadHandler(IAppDbContext db) : IQueryHandler<GetClipUploadQuery, ClipUploadFacts>
{
    public static readonly Text NotFound = new(
        "ไม่พบการอัปโหลดนี้ (อาจเสร็จแล้ว ถูกยกเลิก หรือค้างไว้นานเกินไป) กรุณาเริ่มอัปโหลดไฟล์ใหม่", "No such upload (finished, cancelled, or left too long); start the file again.");

    public async ValueTask<ClipUploadFacts> Handle(GetClipUploadQuery query, CancellationToken cancellationToken) =>
        await (from u in db.ClipUploads.AsNoTracking()
               join r in db.FootageRequests.AsNoTracking() on u.RequestId equals r.Id
               where u.Id == query.UploadId
               select new ClipUploadFacts(u.Id, r.ReferenceNumber, u.FileName, u.TotalBytes))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(NotFound);
}

/// <summary>An upload the officer gave up on: its row goes; the caller discards its bytes.</summary>
public sealed record CancelClipUploadCommand(Guid UploadId) : ICommand<bool>;

public sealed class CancelClipUploadHandler(IAppDbContext db) : ICommandHandler<CancelClipUploadCommand, bool>
{
    public async ValueTask<bool> Handle(CancelClipUploadCommand command, CancellationToken cancellationToken) =>
        await db.ClipUploads.Where(u => u.Id == command.UploadId).ExecuteDeleteAsync(cancellationToken) > 0
            ? true
            : throw new NotFoundException(GetClipUploadHandler.NotFound);
}

/// <summary>Unfinished uploads idle longer than <see cref="OnlineCopyOptions.UnfinishedUploadHours"/> are forgotten (their bytes are discarded by the caller).</summary>
public sealed record ForgetIdleClipUploadsCommand(DateTimeOffset Before) : ICommand<int>;

public sealed class ForgetIdleClipUploadsHandler(IAppDbContext db) : ICommandHandler<ForgetIdleClipUploadsCommand, int>
{
    public async ValueTask<int> Handle(ForgetIdleClipUploadsCommand command, CancellationToken cancellationToken) =>
        await db.ClipUploads.Where(u => u.CreatedAt < command.Before).ExecuteDeleteAsync(cancellationToken);
}
