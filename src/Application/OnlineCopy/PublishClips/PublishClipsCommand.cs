using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Notifications;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CctvRequests.Application.OnlineCopy.PublishClips;

/// <param name="ExpiresOn">The last day (Bangkok) the clips can be downloaded; the default expiry when left out.</param>
public sealed record PublishClipsForm(string? ExpiresOn)
{
    public PublishClipsCommand ToCommand(ReferenceNumber reference) =>
        new(reference, string.IsNullOrWhiteSpace(ExpiresOn) ? null : ThaiDates.TryParseIsoDate(ExpiresOn, out var day) ? day : throw new InvalidOperationException("Not validated."));
}

public sealed class PublishClipsFormValidator : AbstractValidator<PublishClipsForm>
{
    public PublishClipsFormValidator() =>
        RuleFor(x => x.ExpiresOn).Must(v => string.IsNullOrWhiteSpace(v) || ThaiDates.TryParseIsoDate(v, out _))
            .Says(new Text("กรุณากรอกวันหมดอายุเป็น วว/ดด/ปปปป (พ.ศ.)", "Give the expiry day as a date (yyyy-MM-dd)."))
            .OverridePropertyName("expiresOn");
}

/// <summary>
/// The clips become the applicant's to download until the expiry day; the hand-over record is made (downloaded
/// online) and the citizen is told through the outbox, in the same transaction.
/// </summary>
public sealed record PublishClipsCommand(ReferenceNumber Reference, DateOnly? ExpiresOn) : ICommand<StaffOnlineCopyDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.PublishClips;

    public string? AuditReference => Reference.Value;

    public string? AuditDetails => ExpiresOn is { } day ? $"until {day:yyyy-MM-dd}" : "until the default expiry";
}

public sealed class PublishClipsHandler(IAppDbContext db, ICurrentUser user, RequestEvents events, IOptions<OnlineCopyOptions> options, TimeProvider clock)
    : ICommandHandler<PublishClipsCommand, StaffOnlineCopyDto>
{
    public async ValueTask<StaffOnlineCopyDto> Handle(PublishClipsCommand command, CancellationToken cancellationToken)
    {
        var request = await db.FootageRequests.Include(r => r.DeliveredClips).Include(r => r.HandOvers)
                          .SingleOrDefaultAsync(r => r.ReferenceNumber == command.Reference, cancellationToken)
                      ?? throw new NotFoundException(StaffRequestLoader.NotFound);
        var now = clock.GetUtcNow();
        var today = BangkokTime.DateOf(now);
        request.PublishClips(user.Actor, now, command.ExpiresOn ?? today.AddDays(options.Value.DefaultExpiryDays), options.Value.MaxExpiryDays);
        await events.RaiseAsync(request, MessageEvent.CopyReady, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return OnlineCopyDtos.Staff(request, today, options.Value);
    }
}
