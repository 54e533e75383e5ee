using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Notifications;

/// <summary>
/// Writes the messages an event of a request sends into the outbox, in the caller's unit of work (ADR 0016):
/// committed with the change, or not at all. Only channels the citizen asked for and the installation offers;
/// nothing once the citizen stopped them or the data was erased.
/// </summary>
public sealed class CitizenNotifier(
    IAppDbContext db, ISubmissionSettings channels, INotificationLinks links, IStatusLinks statusLinks, ReferenceData reference, TimeProvider clock)
{
    public async Task QueueAsync(FootageRequest request, MessageEvent @event, CancellationToken cancellationToken)
    {
        var wanted = request.Notifications;
        if (@event is MessageEvent.HandedOver or MessageEvent.CopyDownloaded || !wanted.Wanted || request.ErasedAt is not null)
        {
            return;
        }
        var email = channels.EmailNotifications ? wanted.Email : null;
        var phone = channels.SmsNotifications && wanted.BySms && request.Applicant.Phone.IsMobile ? request.Applicant.Phone.E164 : null;
        if (email is null && phone is null)
        {
            return;
        }
        var token = links.StatusToken(wanted.ProtectedStatusToken);
        var profile = (await db.OrganizationProfiles.AsNoTracking().SingleAsync(cancellationToken)).Details;
        var cancelled = @event == MessageEvent.Cancelled ? request.History.LastOrDefault(h => h.To == RequestStatus.Cancelled) : null;
        var reason = cancelled?.ReasonCode is { } code ? (await reference.ReasonsAsync(db, cancellationToken)).GetValueOrDefault(code) : null;
        var facts = new MessageFacts(
            request.Id, request.ReferenceNumber.Value, request.Purpose, @event, request.PrivacyConsent.Language, email, phone,
            token is null ? null : statusLinks.StatusUrl(token), token is null ? null : links.ShortStatusUrl(token),
            email is null ? null : links.UnsubscribeUrl(request.Id), email is null ? null : links.UnsubscribePageUrl(request.Id),
            profile.Name, profile.Department, profile.Phone, profile.PhoneExtension, profile.ApprovedInstructions.For(request.Purpose),
            reason, cancelled?.PublicMessage, clock.GetUtcNow(), request.OnlineCopy.ExpiresOn);
        db.OutboxMessages.AddRange(CitizenMessages.Compose(facts));
    }
}
