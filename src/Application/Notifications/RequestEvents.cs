using System.Text.Json;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Integrations;
using CctvRequests.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Notifications;

/// <summary>
/// Something happened to a request: in the caller's transaction, the event joins the integrators' feed, a webhook
/// delivery is written to the outbox for each endpoint that wants it, and the citizen's messages are written
/// (<see cref="CitizenNotifier"/>). One call in each handler; the outbox sends everything (ADR 0016, 0018).
/// </summary>
public sealed class RequestEvents(IAppDbContext db, CitizenNotifier citizens, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RaiseAsync(FootageRequest request, MessageEvent @event, CancellationToken cancellationToken, object? details = null)
    {
        await RecordAsync(request, @event, details, cancellationToken);
        await citizens.QueueAsync(request, @event, cancellationToken);
    }

    /// <summary>A visit booked, moved or called off: the feed and webhooks get its time and place (no name), the citizen the whole of it.</summary>
    public async Task RaiseAppointmentAsync(
        FootageRequest request, MessageEvent @event, Domain.Appointments.Appointment appointment, Domain.Appointments.ViewingPlace place, CancellationToken cancellationToken)
    {
        await RecordAsync(request, @event, new { placeId = place.Id, startsAt = appointment.StartsAt, endsAt = appointment.EndsAt }, cancellationToken);
        await citizens.QueueAppointmentAsync(request, @event, appointment, place, cancellationToken);
    }

    private async Task RecordAsync(FootageRequest request, MessageEvent @event, object? details, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var type = TypeOf(@event);
        var facts = new Dictionary<string, object?>
        {
            ["purpose"] = request.Purpose.ToString(),
            ["stationId"] = request.StationId,
        };
        if (details is not null)
        {
            facts["details"] = details;
        }
        var data = JsonSerializer.Serialize(facts, Json);
        var entry = IntegrationEvent.Create(type, now, request.ReferenceNumber.Value, request.Status.ToString(), data);
        db.IntegrationEvents.Add(entry);

        var subscriptions = await (from s in db.WebhookSubscriptions
                                   join c in db.ApiClients on s.ApiClientId equals c.Id
                                   where s.DisabledAt == null && s.EventTypes.Contains(type) && c.RevokedAt == null && c.ExpiresAt > now
                                         && c.Scopes.Contains(ApiScopes.EventsRead)
                                   select new { s.Id, s.Url })
            .ToListAsync(cancellationToken);
        if (subscriptions.Count > 0)
        {
            var payload = Payload(entry);
            db.OutboxMessages.AddRange(subscriptions.Select(s => OutboxMessage.Webhook(@event, s.Id, new Uri(s.Url).Host, type, payload, now)));
        }
    }

    /// <summary>The Standard Webhooks shape: <c>{type, timestamp, data}</c>; data is the event as the feed lists it.</summary>
    public static string Payload(IntegrationEvent e) =>
        JsonSerializer.Serialize(new WebhookPayload(e.Type, e.OccurredAt, Integrations.ListEvents.IntegrationEventDto.Of(e)), Json);

    public static string TypeOf(MessageEvent @event) => @event switch
    {
        MessageEvent.Submitted => IntegrationEventTypes.Submitted,
        MessageEvent.Received => IntegrationEventTypes.Received,
        MessageEvent.Approved => IntegrationEventTypes.Approved,
        MessageEvent.Cancelled => IntegrationEventTypes.Cancelled,
        MessageEvent.CopyReady => IntegrationEventTypes.CopyReady,
        MessageEvent.HandedOver => IntegrationEventTypes.HandedOver,
        MessageEvent.CopyDownloaded => IntegrationEventTypes.CopyDownloaded,
        MessageEvent.AppointmentBooked => IntegrationEventTypes.AppointmentBooked,
        MessageEvent.AppointmentChanged => IntegrationEventTypes.AppointmentChanged,
        MessageEvent.AppointmentCancelled => IntegrationEventTypes.AppointmentCancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(@event)),
    };
}

/// <summary>A webhook delivery's body (Standard Webhooks): the event type, when, and the event.</summary>
public sealed record WebhookPayload(string Type, DateTimeOffset Timestamp, Integrations.ListEvents.IntegrationEventDto Data);
