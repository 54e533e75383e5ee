using System.Diagnostics;
using System.Net;
using System.Text;
using CctvRequests.Application.Integrations;
using CctvRequests.Application.Notifications;
using CctvRequests.Infrastructure.Logging;
using CctvRequests.Infrastructure.Notifications;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace CctvRequests.Infrastructure.Integrations;

/// <summary>
/// The outbox's webhook channel (ADR 0018): each delivery POSTs the event's JSON to the endpoint, signed per Standard
/// Webhooks (<c>webhook-id</c> = the outbox message's id, the same on every retry; <c>webhook-timestamp</c>;
/// <c>webhook-signature: v1,…</c>) with the endpoint's secret. Through the SSRF guard, no redirects, 10 s at most,
/// at most 1 KB of the answer kept in the delivery log. A 2xx is delivered; anything else is tried again by the
/// outbox (about a day of backoff). An endpoint failing for three days is disabled and the administrators are told.
/// </summary>
public sealed class WebhookSender(
    IHttpClientFactory clients, IServiceScopeFactory scopes, WebhookTargets targets, IOptionsMonitor<WebhookOptions> options, TimeProvider clock,
    ILogger<WebhookSender> logger) : IMessageSender
{
    public const string ClientName = "webhooks";

    public MessageChannel Channel => MessageChannel.Webhook;

    public bool Configured => true;

    /// <summary>
    /// Delivers the batch's webhooks in parallel (up to <c>Concurrency</c> at once), records every attempt, then answers
    /// the results. Unlike e-mail, a crash before the answers are marked repeats the batch: receivers tell a repeat by
    /// its <c>webhook-id</c> (the outbox row's id), as the Standard Webhooks specification expects.
    /// </summary>
    public async IAsyncEnumerable<SendResult> SendAsync(IReadOnlyList<ClaimedMessage> batch, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = batch.Select(m => m.SubscriptionId).OfType<Guid>().Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var http = clients.CreateClient(ClientName);
        var results = new SendResult[batch.Count];
        var attempts = new WebhookAttempt?[batch.Count];
        await Parallel.ForAsync(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.CurrentValue.Concurrency), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var message = batch[i];
                if (message.SubscriptionId is not { } id || !subscriptions.TryGetValue(id, out var subscription) || subscription.DisabledAt is not null)
                {
                    results[i] = SendResult.Refused(message.Id, "the webhook was removed or disabled");
                    return;
                }
                (results[i], attempts[i]) = await DeliverAsync(http, message, subscription, ct);
            });

        var now = clock.GetUtcNow();
        for (var i = 0; i < batch.Count; i++)
        {
            if (attempts[i] is not { } attempt || !subscriptions.TryGetValue(attempt.SubscriptionId, out var subscription))
            {
                continue;
            }
            db.WebhookAttempts.Add(attempt);
            if (results[i].Sent)
            {
                subscription.Delivered();
            }
            else
            {
                subscription.Failed(now);
                if (subscription.DisableIfFailingSince(now))
                {
                    logger.WebhookDisabled(subscription.Id, new Uri(subscription.Url).Host);
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var result in results)
        {
            yield return result;
        }
    }

    private async Task<(SendResult, WebhookAttempt)> DeliverAsync(HttpClient http, ClaimedMessage message, WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        var body = message.Body ?? "{}";
        var eventType = message.Subject ?? string.Empty;
        // The signature's time is the wall clock's: the receiver compares it with its own to refuse replays.
        var sentAt = TimeProvider.System.GetUtcNow();
        var webhook = new StandardWebhook(targets.Unprotect(subscription.ProtectedSecret));
        var webhookId = message.Id.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", sentAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", webhook.Sign(webhookId, sentAt, body));
        var watch = Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.CurrentValue.TimeoutSeconds));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var answer = await ReadSomeAsync(response, timeout.Token);
            var status = (int)response.StatusCode;
            var attempt = WebhookAttempt.Create(subscription.Id, message.Id, eventType, clock.GetUtcNow(), status, (int)watch.ElapsedMilliseconds,
                response.IsSuccessStatusCode ? null : $"HTTP {status}", answer);
            return (response.IsSuccessStatusCode ? SendResult.Ok(message.Id) : SendResult.Retry(message.Id, $"HTTP {status}: {answer}"), attempt);
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refused)
        {
            var attempt = WebhookAttempt.Create(subscription.Id, message.Id, eventType, clock.GetUtcNow(), null, (int)watch.ElapsedMilliseconds, refused.Message, null);
            return (SendResult.Refused(message.Id, refused.Message), attempt);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var error = ex is OperationCanceledException ? $"no answer within {options.CurrentValue.TimeoutSeconds} s" : $"{ex.GetType().Name}: {ex.Message}";
            var attempt = WebhookAttempt.Create(subscription.Id, message.Id, eventType, clock.GetUtcNow(), null, (int)watch.ElapsedMilliseconds, error, null);
            return (SendResult.Retry(message.Id, error), attempt);
        }
    }

    private static WebhookTargetRefusedException? FindRefusal(Exception ex)
    {
        for (var e = ex.InnerException; e is not null; e = e.InnerException)
        {
            if (e is WebhookTargetRefusedException refused)
            {
                return refused;
            }
        }
        return null;
    }

    private static async Task<string> ReadSomeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[WebhookAttempt.AnswerMax];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }
        // Cut at a character boundary: what was read may end inside a UTF-8 sequence.
        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return text.Length > 0 && char.IsHighSurrogate(text[^1]) ? text[..^1] : text.TrimEnd('\uFFFD');
    }

    /// <summary>The handler of every delivery: connections only through the guard, no redirects, no proxy, no cookies.</summary>
    public static SocketsHttpHandler Handler(WebhookTargets targets) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = DecompressionMethods.None,
        ConnectCallback = targets.ConnectAsync,
    };
}
