using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Application.Idempotency;
using CctvRequests.Application.Logging;
using CctvRequests.Application.Notifications;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CctvRequests.Application.Requests.Submit;

/// <summary>A citizen's request, parsed: value objects, dates and numbers, and the files already staged.</summary>
public sealed record SubmitRequestCommand(
    DateOnly WrittenOn,
    Applicant Applicant,
    Purpose Purpose,
    int? FileCount,
    int StationId,
    DateOnly IncidentDate,
    TimeOnly IncidentTime,
    string Reason,
    string PrivacyNoticeVersion,
    IReadOnlyList<StagedFile> Files,
    SignatureMethod SignatureMethod) : ICommand<SubmitRequestResult>, IIdempotentCommand
{
    public string? IdempotencyKey { get; init; }

    public string Fingerprint { get; init; } = string.Empty;

    /// <summary>Where the citizen wants news of the request by e-mail, if anywhere.</summary>
    public EmailAddress? Email { get; init; }

    /// <summary>News by SMS to the applicant's (mobile) phone.</summary>
    public bool NotifyBySms { get; init; }

    /// <summary>Never print the fields: they identify a person.</summary>
    public override string ToString() => nameof(SubmitRequestCommand);
}

/// <summary>
/// Files the request: its files promoted, its reference number taken, the aggregate built and
/// added. The transaction, the idempotency record and the undoing of promoted files are the
/// pipeline's (<c>TransactionBehavior</c>, <c>IdempotencyBehavior</c>, <see cref="PromotedFiles"/>).
/// </summary>
public sealed class SubmitRequestHandler(
    IAppDbContext db,
    PromotedFiles files,
    IReferenceNumbers references,
    ISubmissionSettings settings,
    SubmissionAnswers answers,
    RequestEvents events,
    INotificationLinks links,
    IThrottle throttle,
    TimeProvider clock,
    ILogger<SubmitRequestHandler> logger) : ICommandHandler<SubmitRequestCommand, SubmitRequestResult>
{
    public async ValueTask<SubmitRequestResult> Handle(SubmitRequestCommand command, CancellationToken cancellationToken)
    {
        await throttle.ForDocumentAsync(ThrottlePolicy.SubmissionPerDocument, command.Applicant.Identity, cancellationToken);
        var now = clock.GetUtcNow();
        var station = await db.Stations.FindAsync([command.StationId], cancellationToken)
                      ?? throw new DomainException("station.inactive", RequestTexts.StationInactive);
        var notice = await db.PrivacyNotices.FindAsync([command.PrivacyNoticeVersion], cancellationToken)
                     ?? throw new NotFoundException(SubmissionFields.PrivacyNoticeVersion.Invalid);

        var attachments = new List<Attachment>();
        foreach (var file in command.Files)
        {
            var key = await files.PromoteAsync(file, cancellationToken);
            attachments.Add(Attachment.Create(SubmissionFields.FileKinds[file.Field], key, file.FileName, file.ContentType, file.SizeBytes, file.Sha256));
        }

        var reference = await references.NextAsync(BangkokTime.BuddhistYear(BangkokTime.DateOf(now)), cancellationToken);
        var token = StatusToken.NewToken();
        var notifications = command.Email is null && !command.NotifyBySms
            ? NotificationPreferences.None
            : NotificationPreferences.Of(command.Email, command.NotifyBySms, links.ProtectStatusToken(token));
        var request = FootageRequest.Submit(
            reference, command.WrittenOn, command.Applicant, command.Purpose, command.FileCount, station, command.IncidentDate, command.IncidentTime,
            command.Reason, attachments, command.SignatureMethod, PrivacyConsent.Create(notice.Version, notice.Sha256Of(Lang.Code), Lang.Code, now),
            StatusToken.Hash(token), now, settings.PoliceReportRequired, notifications);
        db.FootageRequests.Add(request);
        await events.RaiseAsync(request, MessageEvent.Submitted, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        logger.Submitted(reference.Value, station.Id, attachments.Count);
        return answers.For(request, token);
    }
}

/// <summary>What the citizen keeps: the reference number, the status link and its QR code, and any footage warning.</summary>
public sealed record SubmitRequestResult(
    string ReferenceNumber,
    string Status,
    string StatusText,
    string StatusUrl,
    string QrCodePng,
    DateOnly FootageOverwrittenOn,
    IReadOnlyList<SubmissionWarning> Warnings);

/// <summary>Something the citizen should know although the request was accepted.</summary>
public sealed record SubmissionWarning(string Code, string Message);

/// <summary>Builds the answer to a submission (the status link, its QR code, the overwrite warning).</summary>
public sealed class SubmissionAnswers(IStatusLinks links, TimeProvider clock)
{
    public SubmitRequestResult For(FootageRequest request, string token)
    {
        var url = links.StatusUrl(token);
        return new SubmitRequestResult(
            request.ReferenceNumber.Value,
            request.Status.ToString(),
            Lang.Of(RequestStatusText.Of(request.Status)),
            url,
            Convert.ToBase64String(links.QrCodePng(url)),
            request.FootageOverwrittenOn,
            FootageWarnings.For(request.FootageOverwrittenOn, BangkokTime.Today(clock)));
    }
}
