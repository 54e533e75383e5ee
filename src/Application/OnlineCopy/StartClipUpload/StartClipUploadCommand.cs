using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Staff;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CctvRequests.Application.OnlineCopy.StartClipUpload;

/// <param name="FileName">The clip's name as exported.</param>
/// <param name="SizeBytes">Its whole size: the pieces must add up to it.</param>
public sealed record ClipUploadForm(string? FileName, long? SizeBytes)
{
    public StartClipUploadCommand ToCommand(ReferenceNumber reference) => new(reference, FileName!.Trim(), SizeBytes!.Value);
}

public sealed class ClipUploadFormValidator : AbstractValidator<ClipUploadForm>
{
    public ClipUploadFormValidator(IOptions<OnlineCopyOptions> options)
    {
        RuleFor(x => x.FileName).StaffText("fileName", ClipUpload.FileNameMax, new Text("กรุณาระบุชื่อไฟล์", "Give the clip's file name."));
        RuleFor(x => x.SizeBytes)
            .Must(v => v is > 0).Says(new Text("กรุณาระบุขนาดไฟล์", "Give the clip's size in bytes."))
            .Must(v => v <= options.Value.MaxClipBytes).Says(new Text(
                $"ไฟล์ภาพต้องไม่เกิน {Sizes.Describe(options.Value.MaxClipBytes)} กรุณาแบ่งไฟล์ตอนส่งออกจากเครื่องบันทึก",
                $"A clip is at most {Sizes.Describe(options.Value.MaxClipBytes)}; export it in shorter parts."))
            .OverridePropertyName("sizeBytes");
    }
}

/// <summary>Opens a resumable upload of one clip for an approved copy not yet sent (ADR 0017).</summary>
public sealed record StartClipUploadCommand(ReferenceNumber Reference, string FileName, long SizeBytes) : ICommand<ClipUploadDto>
{
    public override string ToString() => nameof(StartClipUploadCommand);
}

public sealed class StartClipUploadHandler(IAppDbContext db, ICurrentUser user, IOptions<OnlineCopyOptions> options, TimeProvider clock)
    : ICommandHandler<StartClipUploadCommand, ClipUploadDto>
{
    public async ValueTask<ClipUploadDto> Handle(StartClipUploadCommand command, CancellationToken cancellationToken)
    {
        var request = await db.FootageRequests.SingleOrDefaultAsync(r => r.ReferenceNumber == command.Reference, cancellationToken)
                      ?? throw new NotFoundException(StaffRequestLoader.NotFound);
        if (!request.CanDeliverOnline())
        {
            throw new DomainException("online_copy.not_open", RequestTexts.OnlineCopyNotOpen);
        }
        var upload = ClipUpload.Create(request.Id, command.FileName, command.SizeBytes, user.Id?.ToString() ?? "staff", clock.GetUtcNow());
        db.ClipUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        return ClipUploads.Dto(upload, 0, options.Value.ChunkBytes);
    }
}

public static class ClipUploads
{
    public const string Path = "/api/staff/clip-uploads";

    public static ClipUploadDto Dto(ClipUpload upload, long received, int chunkBytes, ClipDto? clip = null) =>
        new(upload.Id, $"{Path}/{upload.Id}", upload.FileName, upload.TotalBytes, received, chunkBytes, clip);
}
