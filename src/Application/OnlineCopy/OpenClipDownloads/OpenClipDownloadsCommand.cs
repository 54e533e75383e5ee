using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.PersonalData;
using CctvRequests.Application.Requests.GetStatusByToken;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.OnlineCopy.OpenClipDownloads;

/// <summary>The status link's token and the request's identity number typed again (the QR code alone does not open the footage).</summary>
/// <param name="Token">The <c>t</c> value of the status link.</param>
/// <param name="NationalId">The national ID the request was filed with.</param>
/// <param name="PassportNumber">Or the passport number, with its country.</param>
/// <param name="PassportCountry">ISO 3166-1 alpha-3.</param>
public sealed record ClipDownloadsForm(string? Token, string? NationalId, string? PassportNumber = null, string? PassportCountry = null) : ISubjectDocument
{
    public OpenClipDownloadsCommand ToCommand() => new(Token!, this.Document());

    public override string ToString() => nameof(ClipDownloadsForm);
}

public sealed class ClipDownloadsFormValidator : AbstractValidator<ClipDownloadsForm>
{
    public ClipDownloadsFormValidator()
    {
        RuleFor(x => x.Token).Must(StatusToken.IsWellFormed).Says(StatusTokenLookup.NotFound).OverridePropertyName("token");
        this.DocumentRules();
    }
}

public enum ClipAccessOutcome
{
    Granted,
    WrongNumber,
    Locked,
    Ended,
    NotPublished,
}

public sealed record ClipAccessResult(ClipAccessOutcome Outcome, Guid RequestId, IReadOnlyList<DownloadableClipDto> Clips);

/// <summary>
/// Opens the applicant's downloads: the request the token names, its identity number checked through the blind
/// index. A wrong number is counted (10 in a Bangkok day lock the downloads until an officer opens them) and saved,
/// so the caller gets an answer, not an exception. Audited either way, without the number.
/// </summary>
public sealed record OpenClipDownloadsCommand(string Token, IdentityDocument Document) : ICommand<ClipAccessResult>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.OpenClipDownloads;

    public string? AuditReference { get; set; }

    public string? AuditDetails { get; set; }

    public override string ToString() => nameof(OpenClipDownloadsCommand);
}

public sealed class OpenClipDownloadsHandler(IAppDbContext db, IIdentityIndex index, IThrottle throttle, TimeProvider clock)
    : ICommandHandler<OpenClipDownloadsCommand, ClipAccessResult>
{
    public const string DownloadPath = "/api/status/clips";

    public async ValueTask<ClipAccessResult> Handle(OpenClipDownloadsCommand command, CancellationToken cancellationToken)
    {
        var hash = StatusTokenLookup.HashOf(command.Token);
        var request = await db.FootageRequests.Include(r => r.DeliveredClips).SingleOrDefaultAsync(r => r.StatusTokenHash == hash, cancellationToken)
                      ?? throw new Common.NotFoundException(StatusTokenLookup.NotFound);
        command.AuditReference = request.ReferenceNumber.Value;
        // Five tries per request in the window, whichever client makes them (the per-client limit is the endpoint's).
        await throttle.ForKeyAsync(ThrottlePolicy.ClipCheck, "request:" + request.Id.ToString("N"), cancellationToken);
        var now = clock.GetUtcNow();
        var outcome = Outcome(request, now);
        if (outcome == ClipAccessOutcome.Granted
            && !await db.FootageRequests.OfPerson(index, command.Document).AnyAsync(r => r.Id == request.Id, cancellationToken))
        {
            outcome = request.CountWrongClipCheck(now) ? ClipAccessOutcome.Locked : ClipAccessOutcome.WrongNumber;
            await db.SaveChangesAsync(cancellationToken);
        }
        command.AuditDetails = outcome.ToString();
        var clips = outcome != ClipAccessOutcome.Granted ? [] : request.DeliveredClips.Where(c => c.StorageKey is not null).OrderBy(c => c.UploadedAt)
            .Select(c => new DownloadableClipDto(c.Id, c.FileName, c.SizeBytes, c.Sha256, request.OnlineCopy.ExpiresOn!.Value, $"{DownloadPath}/{c.Id}"))
            .ToList();
        return new ClipAccessResult(outcome, request.Id, clips);
    }

    private static ClipAccessOutcome Outcome(FootageRequest request, DateTimeOffset now) =>
        !request.OnlineCopy.IsPublished ? ClipAccessOutcome.NotPublished
        : request.OnlineCopy.LockedAt is not null ? ClipAccessOutcome.Locked
        : request.CanDownloadClips(now) ? ClipAccessOutcome.Granted
        : ClipAccessOutcome.Ended;
}
