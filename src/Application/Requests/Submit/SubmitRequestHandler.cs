using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CctvRequests.Application.Requests.Submit;

/// <summary>
/// Saves a request with all its files or not at all: the staged files are promoted to permanent
/// keys, then the row, its attachments, its first history entry, the next reference number and
/// the idempotency record commit in one transaction. If anything fails, the promoted files are
/// deleted again; if the failure was another request winning the same idempotency key, that
/// request's answer is returned.
/// </summary>
public sealed class SubmitRequestHandler(
    IAppDbContext db,
    IFileStore files,
    IReferenceNumbers references,
    IStatusLinks links,
    ITokenProtector protector,
    ISubmissionSettings settings,
    TimeProvider clock,
    ILogger<SubmitRequestHandler> logger) : ICommandHandler<SubmitRequestCommand, SubmitRequestResult>
{
    public async ValueTask<SubmitRequestResult> Handle(SubmitRequestCommand command, CancellationToken cancellationToken)
    {
        var key = command.IdempotencyKey;
        var fingerprint = command.Fingerprint();
        if (key is not null && await ReplayAsync(key, fingerprint, cancellationToken) is { } replay)
        {
            return replay;
        }

        var now = clock.GetUtcNow();
        var stationId = Int(command.StationId);
        var station = await db.Stations.SingleAsync(s => s.Id == stationId, cancellationToken);
        var noticeVersion = command.PrivacyNoticeVersion!.Trim();
        var notice = await db.PrivacyNotices.AsNoTracking().SingleAsync(n => n.Version == noticeVersion, cancellationToken);
        var token = StatusToken.NewToken();

        var promoted = new List<string>();
        try
        {
            var attachments = new List<Attachment>();
            foreach (var file in command.AllFiles)
            {
                var storageKey = await files.PromoteAsync(file, cancellationToken);
                promoted.Add(storageKey);
                attachments.Add(Attachment.Create(KindOf(file), storageKey, file.FileName, file.ContentType, file.SizeBytes, file.Sha256));
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (key is not null)
            {
                // A record older than 24 hours no longer counts; it gives way to the new request.
                var expired = now - IdempotencyRecord.Lifetime;
                await db.IdempotencyRecords.Where(r => r.Key == key && r.CreatedAt <= expired).ExecuteDeleteAsync(cancellationToken);
            }
            var reference = await references.NextAsync(BangkokTime.BuddhistYear(BangkokTime.DateOf(now)), cancellationToken);
            ThaiDates.TryParseIsoDate(command.WrittenOn, out var writtenOn);
            ThaiDates.TryParseIsoDate(command.IncidentDate, out var incidentDate);
            ThaiDates.TryParseTime(command.IncidentTime, out var incidentTime);
            var purpose = SubmitRequestValidator.ParsePurpose(command.Purpose)!.Value;

            var request = FootageRequest.Submit(
                reference,
                writtenOn,
                Applicant.Create(
                    command.Title!, command.FirstName!, command.LastName!, Domain.Common.NationalId.Parse(command.NationalId!),
                    Int(command.Age), command.Ethnicity, command.Nationality!, command.Address!, ThaiPhoneNumber.Parse(command.Phone!)),
                purpose,
                purpose == Purpose.Copy ? Int(command.FileCount) : null,
                station,
                incidentDate,
                incidentTime,
                command.Reason!,
                attachments,
                PrivacyConsent.Create(notice.Version, notice.Sha256Of(Lang.Code), Lang.Code, now),
                StatusToken.Hash(token),
                now,
                settings.PoliceReportRequired);

            db.FootageRequests.Add(request);
            if (key is not null)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord
                {
                    Key = key,
                    Fingerprint = fingerprint,
                    RequestId = request.Id,
                    ProtectedToken = protector.Protect(token),
                    CreatedAt = now,
                });
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            logger.LogInformation("Request {Reference} submitted for station {StationId} with {Files} files", reference.Value, station.Id, attachments.Count);
            return Result(request.ReferenceNumber.Value, request.Status, token, request.FootageOverwrittenOn);
        }
        catch (Exception ex)
        {
            foreach (var storageKey in promoted)
            {
                await files.DeleteAsync(storageKey);
            }
            if (key is not null && ex is DbUpdateException)
            {
                // Two submissions with one key raced; the other committed first. Answer as it did.
                if (await ReplayAsync(key, fingerprint, CancellationToken.None) is { } winner)
                {
                    return winner;
                }
            }
            throw;
        }
    }

    private async Task<SubmitRequestResult?> ReplayAsync(string key, string fingerprint, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - IdempotencyRecord.Lifetime;
        var record = await db.IdempotencyRecords.AsNoTracking()
            .Where(r => r.Key == key && r.CreatedAt > since)
            .Join(db.FootageRequests, r => r.RequestId, q => q.Id, (r, q) => new { r.Fingerprint, r.ProtectedToken, q.ReferenceNumber, q.Status, q.FootageOverwrittenOn })
            .SingleOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            return null;
        }
        if (record.Fingerprint != fingerprint)
        {
            throw new IdempotencyConflictException();
        }
        var token = protector.Unprotect(record.ProtectedToken);
        return Result(record.ReferenceNumber.Value, record.Status, token, record.FootageOverwrittenOn) with { Replayed = true };
    }

    private SubmitRequestResult Result(string reference, RequestStatus status, string token, DateOnly overwrittenOn)
    {
        var url = links.StatusUrl(token);
        return new SubmitRequestResult(
            reference,
            status.ToString(),
            url,
            Convert.ToBase64String(links.QrCodePng(url)),
            overwrittenOn,
            FootageWarnings.For(overwrittenOn, BangkokTime.Today(clock)));
    }

    private static int Int(string? value) => FormNumbers.TryParseInt(value, out var n) ? n : 0;

    private static AttachmentKind KindOf(StagedFile file) => file.Field switch
    {
        SubmissionFields.IdCardCopy => AttachmentKind.IdCardCopy,
        SubmissionFields.PoliceReport => AttachmentKind.PoliceReport,
        SubmissionFields.OtherDocuments => AttachmentKind.Other,
        SubmissionFields.Signature => AttachmentKind.Signature,
        _ => throw new InvalidOperationException($"Unknown file field {file.Field}."),
    };
}
