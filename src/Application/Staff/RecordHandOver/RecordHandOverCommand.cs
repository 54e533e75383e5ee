using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Application.Staff.GetRequest;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Staff.RecordHandOver;

/// <summary>SPEC §8.12: records which clips left the office, on what, to whom, signed for by the recipient (a PNG as drawn).</summary>
public sealed record RecordHandOverCommand(ReferenceNumber Reference, string Medium, string ReceivedBy, IReadOnlyList<HandOverClip> Clips, byte[] SignaturePng)
    : ICommand<StaffHandOverDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.RecordHandOver;

    public string? AuditReference => Reference.Value;

    public string? AuditDetails => $"{Clips.Count} clips";

    public override string ToString() => nameof(RecordHandOverCommand);
}

/// <summary>The signature is kept as its pixels only, re-encoded as citizens' images are (ADR 0010); the request refuses anything but an approved copy.</summary>
public sealed class RecordHandOverHandler(IAppDbContext db, ICurrentUser user, IUploadSanitizer sanitizer, Notifications.RequestEvents events, TimeProvider clock) : ICommandHandler<RecordHandOverCommand, StaffHandOverDto>
{
    public async ValueTask<StaffHandOverDto> Handle(RecordHandOverCommand command, CancellationToken cancellationToken)
    {
        var request = await db.FootageRequests.Include(r => r.HandOvers).SingleOrDefaultAsync(r => r.ReferenceNumber == command.Reference, cancellationToken)
                      ?? throw new NotFoundException(Requests.StaffRequestLoader.NotFound);
        var signature = sanitizer.ReEncodePng(command.SignaturePng, (long)UploadLimits.MaxSignatureWidth * UploadLimits.MaxSignatureHeight)
                        ?? throw ValidationMessages.Invalid("signaturePng", HandOverFormValidator.SignatureInvalid);
        var handOver = request.RecordHandOver(user.Actor, clock.GetUtcNow(), command.Medium, command.ReceivedBy, command.Clips, signature);
        await events.RaiseAsync(request, Notifications.MessageEvent.HandedOver, cancellationToken, new { online = false, clips = handOver.Clips.Select(c => new { c.SizeBytes, c.Sha256 }) });
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
