using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Application.Staff.GetRequest;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Staff.HandOver;

/// <summary>A clip as the officer's browser described it: its name, size and SHA-256 (the file itself is not uploaded).</summary>
public sealed record ClipForm(string? FileName, long? SizeBytes, string? Sha256);

/// <summary>The hand-over as the page sent it; the signature is a base64 PNG drawn on the screen.</summary>
public sealed record HandOverForm(string? Medium, string? ReceivedBy, IReadOnlyList<ClipForm>? Clips, string? SignaturePng)
{
    public override string ToString() => nameof(HandOverForm);
}

/// <summary>SPEC §8.12: records which clips left the office, on what, to whom, signed for by the recipient.</summary>
public sealed record RecordHandOverCommand(ReferenceNumber Reference, HandOverForm Form) : ICommand<StaffHandOverDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.RecordHandOver;

    public string? AuditReference => Reference.Value;

    public string? AuditDetails => $"{Form.Clips?.Count ?? 0} clips";

    public override string ToString() => nameof(RecordHandOverCommand);
}

public sealed class RecordHandOverValidator : AbstractValidator<RecordHandOverCommand>
{
    public static readonly Text SignatureInvalid = new(
        "กรุณาให้ผู้รับลงลายมือชื่อในกรอบ (ภาพ PNG ที่มีลายมือชื่อ)", "The recipient must sign in the box (a PNG with a signature).");

    public RecordHandOverValidator(IImageInspector images)
    {
        RuleFor(x => x.Form.Medium).StaffText("medium", Domain.Requests.HandOver.MediumMax, new Text("กรุณาระบุสื่อบันทึกข้อมูล", "Please name the storage medium."));
        RuleFor(x => x.Form.ReceivedBy).StaffText("receivedBy", Domain.Requests.HandOver.ReceivedByMax, new Text("กรุณาระบุชื่อผู้รับ", "Please name who received it."));
        RuleFor(x => x.Form.Clips)
            .Must(c => c is { Count: > 0 and <= Domain.Requests.HandOver.MaxClips })
            .Says(new Text($"กรุณาเลือกไฟล์ที่ส่งมอบ 1 ถึง {Domain.Requests.HandOver.MaxClips} ไฟล์", $"Choose 1 to {Domain.Requests.HandOver.MaxClips} clips."))
            .OverridePropertyName("clips");
        RuleForEach(x => x.Form.Clips).ChildRules(clip =>
        {
            clip.RuleFor(c => c.FileName).StaffText("fileName", HandOverClip.FileNameMax, new Text("ไม่มีชื่อไฟล์", "The file has no name."));
            clip.RuleFor(c => c.SizeBytes).Must(s => s is > 0).Says(new Text("ไฟล์ว่างเปล่า", "The file is empty.")).OverridePropertyName("sizeBytes");
            clip.RuleFor(c => c.Sha256).Must(h => HandOverClip.IsSha256(h?.Trim().ToLowerInvariant()))
                .Says(new Text("ค่า SHA-256 ต้องเป็นเลขฐานสิบหก 64 ตัว", "A SHA-256 is 64 hexadecimal digits.")).OverridePropertyName("sha256");
        }).OverridePropertyName("clips");
        RuleFor(x => x.Form.SignaturePng)
            .Must(v => Decode(v) is { } png && png.Length <= UploadLimits.MaxSignatureBytes
                       && images.InspectPng(png, UploadLimits.MaxSignatureWidth, UploadLimits.MaxSignatureHeight) is { IsBlank: false } facts
                       && facts.Width <= UploadLimits.MaxSignatureWidth && facts.Height <= UploadLimits.MaxSignatureHeight)
            .Says(SignatureInvalid)
            .OverridePropertyName("signaturePng");
    }

    public static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64) || base64.Length > UploadLimits.MaxSignatureBytes * 4 / 3 + 8)
        {
            return null;
        }
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) ? buffer[..written] : null;
    }
}

public sealed class RecordHandOverHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordHandOverCommand, StaffHandOverDto>
{
    public async ValueTask<StaffHandOverDto> Handle(RecordHandOverCommand command, CancellationToken cancellationToken)
    {
        var request = await db.FootageRequests.Include(r => r.HandOvers).SingleOrDefaultAsync(r => r.ReferenceNumber == command.Reference, cancellationToken)
                      ?? throw new NotFoundException(StaffRequestLoader.NotFound);
        var f = command.Form;
        var clips = f.Clips!.Select(c => HandOverClip.Create(c.FileName!.Trim(), c.SizeBytes!.Value, c.Sha256!.Trim().ToLowerInvariant())).ToList();
        var handOver = request.RecordHandOver(user.Actor, clock.GetUtcNow(), f.Medium!.Trim(), f.ReceivedBy!.Trim(), clips, RecordHandOverValidator.Decode(f.SignaturePng)!);
        await db.SaveChangesAsync(cancellationToken);
        return new StaffHandOverDto
        {
            Id = handOver.Id,
            At = handOver.At,
            RecordedByName = handOver.RecordedByName,
            Medium = handOver.Medium,
            ReceivedBy = handOver.ReceivedBy,
            Clips = handOver.Clips.Select(c => new HandOverClipDto(c.FileName, c.SizeBytes, c.Sha256)).ToList(),
            SignatureUrl = $"/api/staff/requests/{request.ReferenceNumber}/handovers/{handOver.Id}/signature",
        };
    }
}

/// <summary>The recipient's signature of a hand-over, as a PNG (audited like a file).</summary>
public sealed record GetHandOverSignatureQuery(ReferenceNumber Reference, Guid HandOverId) : IQuery<byte[]>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.OpenAttachment;

    public string? AuditReference => Reference.Value;

    public string? AuditDetails => $"hand-over signature {HandOverId}";
}

public sealed class GetHandOverSignatureHandler(IAppDbContext db) : IQueryHandler<GetHandOverSignatureQuery, byte[]>
{
    public async ValueTask<byte[]> Handle(GetHandOverSignatureQuery query, CancellationToken cancellationToken) =>
        await db.FootageRequests.AsNoTracking()
            .Where(r => r.ReferenceNumber == query.Reference)
            .SelectMany(r => r.HandOvers)
            .Where(h => h.Id == query.HandOverId)
            .Select(h => h.SignaturePng)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException(new Text("ไม่พบลายมือชื่อนี้", "No such signature."));
}
