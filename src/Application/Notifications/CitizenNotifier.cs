using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Appointments;
using CctvRequests.Domain.Organization;
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
    public Task QueueAsync(FootageRequest request, MessageEvent @event, CancellationToken cancellationToken) =>
        QueueAsync(request, @event, null, cancellationToken);

    /// <summary>A message about a visit: its place, its time in Bangkok, what to bring.</summary>
    public Task QueueAppointmentAsync(FootageRequest request, MessageEvent @event, Appointment appointment, ViewingPlace place, CancellationToken cancellationToken) =>
        QueueAsync(request, @event, new AppointmentFacts(place.Name, place.Address, place.MapUrl, place.WhatToBring, appointment.StartsAt, appointment.EndsAt), cancellationToken);

    private async Task QueueAsync(FootageRequest request, MessageEvent @event, AppointmentFacts? appointment, CancellationToken cancellationToken)
    {
        var wanted = request.Notifications;
        if (!wanted.Wanted || request.ErasedAt is not null)
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
        var profile = await db.OrganizationProfiles.Select(OrganizationProfile.DetailsOf).SingleAsync(cancellationToken);
        var cancelled = @event == MessageEvent.Cancelled ? request.History.LastOrDefault(h => h.To == RequestStatus.Cancelled) : null;
        var reason = cancelled?.ReasonCode is { } code ? (await reference.ReasonsAsync(db, cancellationToken)).GetValueOrDefault(code) : null;
        var facts = new MessageFacts(
            request.Id, request.ReferenceNumber.Value, request.Purpose, @event, request.PrivacyConsent.Language, email, phone,
            token is null ? null : statusLinks.StatusUrl(token), token is null ? null : links.ShortStatusUrl(token),
            email is null ? null : links.UnsubscribeUrl(request.Id), email is null ? null : links.UnsubscribePageUrl(request.Id),
            profile.Name, profile.Department, profile.Phone, profile.PhoneExtension, profile.ApprovedInstructions.For(request.Purpose),
            reason, cancelled?.PublicMessage, clock.GetUtcNow(), request.OnlineCopy.ExpiresOn, appointment);
        db.OutboxMessages.AddRange(CitizenMessages.Compose(facts));
    }
}
