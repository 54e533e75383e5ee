using System.Threading.Channels;
using CctvRequests.Application.Notifications;
using CctvRequests.Infrastructure.Logging;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CctvRequests.Infrastructure.Notifications;

/// <summary>Wakes the dispatcher: a notice from PostgreSQL that messages were committed, or a retry asked for here.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Set() => _channel.Writer.TryWrite(true);

    /// <summary>Waits for a wake-up or the timeout (real time: retries fall due while nobody writes).</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(waiting.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>
/// The outbox's dispatcher (ADR 0016), on every node: claims up to a batch of due messages in one statement
/// (<c>FOR UPDATE SKIP LOCKED</c>, so nodes share the work without waiting on each other, and no row lock outlives
/// that statement), gives each a lease, sends them through their channel one by one, and marks each as its answer comes: sent; failed and due
/// again after 1, 3, 9, 27, 81, 243 minutes then 6 hours; given up after 8 attempts (webhooks: 10, about a day) or a final refusal. A node
/// that dies holding messages leaves their leases to expire: they are sent again, with the same id.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IEnumerable<IMessageSender> senders, OutboxSignal signal, IOptions<NotificationOptions> options, TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const string Claim = """
        UPDATE outbox_messages o SET lease_until = @lease, attempts = o.attempts + 1
        FROM (SELECT id FROM outbox_messages
              WHERE status IN ('Queued', 'Failed') AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
              ORDER BY next_attempt_at LIMIT @batch FOR UPDATE SKIP LOCKED) due
        WHERE o.id = due.id
        RETURNING o.id, o.channel, o.language, o.recipient, o.subject, o.body, o.html_body, o.unsubscribe_url, o.attempts, o.subscription_id
        """;

    private readonly Dictionary<MessageChannel, IMessageSender> _senders = senders.ToDictionary(s => s.Channel);
    private readonly SemaphoreSlim _running = new(1, 1);

    private NotificationOptions.OutboxOptions Settings => options.Value.Outbox;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Settings.Enabled)
        {
            return;
        }
        if (!_senders.Values.Any(s => s.Configured && s.Channel != MessageChannel.Webhook))
        {
            logger.NoNotificationChannel();
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Drain: a full batch means there may be more.
                while (await RunOnceAsync(stoppingToken) >= Settings.BatchSize)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.OutboxDispatchFailed(ex);
            }
            await signal.WaitAsync(TimeSpan.FromSeconds(Settings.PollSeconds), stoppingToken);
        }
    }

    /// <summary>One batch: claim, send, mark. Answers how many messages it claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // The claim is a poll (untraced); a batch that has messages is one span, its sends and marks inside.
            var claimed = await ClaimAsync(db, cancellationToken);
            using var activity = claimed.Count == 0 ? null : Application.Behaviors.AppTelemetry.Source.StartActivity("outbox dispatch");
            activity?.SetTag("cctv.outbox.messages", claimed.Count);
            foreach (var channel in claimed.GroupBy(m => m.Channel))
            {
                var results = _senders.TryGetValue(channel.Key, out var sender) && sender.Configured
                    ? sender.SendAsync(channel.ToList(), cancellationToken)
                    : channel.Select(m => SendResult.Refused(m.Id, $"the {channel.Key} channel is not configured")).ToAsyncEnumerable();
                var attempts = channel.ToDictionary(m => m.Id, m => m.Attempts);
                var maxAttempts = channel.Key == MessageChannel.Webhook ? OutboxMessage.MaxWebhookAttempts : OutboxMessage.MaxAttempts;
                // Each message is marked as soon as its answer is known, before the next one leaves: a crash between a
                // send and its mark repeats that one message, never the batch sent so far.
                await foreach (var result in results)
                {
                    await MarkAsync(db, result, attempts[result.Id], maxAttempts, cancellationToken);
                }
            }
            return claimed.Count;
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<List<ClaimedMessage>> ClaimAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Claim, connection);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease", now.AddSeconds(Settings.LeaseSeconds));
        command.Parameters.AddWithValue("batch", Settings.BatchSize);
        var claimed = new List<ClaimedMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedMessage(
                reader.GetGuid(0), Enum.Parse<MessageChannel>(reader.GetString(1)), reader.GetString(2), Text(reader, 3), Text(reader, 4), Text(reader, 5), Text(reader, 6),
                Text(reader, 7), reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetGuid(9)));
        }
        return claimed;
    }

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private async Task MarkAsync(AppDbContext db, SendResult result, int attempts, int maxAttempts, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var error = result.Error is { Length: > OutboxMessage.ErrorMax } e ? e[..OutboxMessage.ErrorMax] : result.Error;
        var messages = db.OutboxMessages.Where(m => m.Id == result.Id && m.Status != MessageStatus.Stopped);
        if (result.Sent)
        {
            // What was sent is not kept: the body goes, the row stays as the record that it was sent.
            await messages.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, MessageStatus.Sent).SetProperty(m => m.SentAt, now).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.Body, (string?)null).SetProperty(m => m.HtmlBody, (string?)null).SetProperty(m => m.LastError, (string?)null),
                cancellationToken);
            return;
        }
        var givenUp = result.Permanent || attempts >= maxAttempts;
        Application.Behaviors.AppTelemetry.MessageFailures.Add(1, new KeyValuePair<string, object?>("given_up", givenUp));
        await messages.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Status, givenUp ? MessageStatus.GivenUp : MessageStatus.Failed)
                .SetProperty(m => m.NextAttemptAt, now + OutboxMessage.RetryAfter(attempts))
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, error),
            cancellationToken);
        if (givenUp)
        {
            logger.MessageGivenUp(result.Id, attempts);
        }
    }
}

/// <summary>
/// Listens on <c>cctv_outbox</c> (a trigger notifies when messages are committed), so a message leaves within
/// moments of its change on whichever node is free; a lost connection costs at most one poll interval.
/// </summary>
public sealed class OutboxListener(IConfiguration configuration, OutboxSignal signal, ILogger<OutboxListener> logger) : BackgroundService
{
    public const string Channel = "cctv_outbox";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(
                    new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Default")) { Pooling = false, KeepAlive = 30 }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Set();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Whatever was committed while nobody listened.
                signal.Set();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
            {
                logger.OutboxListenFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
        }
    }
}
