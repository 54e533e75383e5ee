using System.Collections.Concurrent;
using CctvRequests.Api.Hosting;
using CctvRequests.Application.Audit;
using CctvRequests.Infrastructure.Persistence;

namespace CctvRequests.Api.Staff;

/// <summary>
/// Failed sign-ins that name no account (an unknown e-mail, a passkey that is nobody's or has no
/// ceremony) are noise an attacker can produce at will, and the audit log cannot be pruned. The
/// first one from a client in <see cref="Window"/> is written as it happens; the rest are counted,
/// and <see cref="AnonymousSignInFailureFlush"/> writes one line with the count when the window ends
/// (and at shutdown). Failures against a real account are always written one by one.
/// </summary>
public sealed class AnonymousSignInFailures(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Summary> _ended = new();

    /// <summary>True when this failure opens the client's window and must be written now; otherwise it is counted.</summary>
    public bool Opens(string client)
    {
        var now = clock.GetUtcNow();
        while (true)
        {
            if (_buckets.TryGetValue(client, out var bucket))
            {
                lock (bucket)
                {
                    if (!bucket.Closed && now < bucket.Start + Window)
                    {
                        bucket.Suppressed++;
                        bucket.Last = now;
                        return false;
                    }
                    // Ended: its count waits for the flush, and a new window opens now.
                    Close(client, bucket);
                }
                continue;
            }
            if (_buckets.TryAdd(client, new Bucket(now)))
            {
                return true;
            }
        }
    }

    /// <summary>Closes the windows that have ended (all of them with <paramref name="all"/>) and gives their counts.</summary>
    public IReadOnlyList<Summary> TakeEnded(bool all = false)
    {
        var now = clock.GetUtcNow();
        foreach (var (client, bucket) in _buckets)
        {
            lock (bucket)
            {
                if (!bucket.Closed && (all || now >= bucket.Start + Window))
                {
                    Close(client, bucket);
                }
            }
        }
        var ended = new List<Summary>();
        while (_ended.TryDequeue(out var summary))
        {
            ended.Add(summary);
        }
        return ended;
    }

    /// <summary>Under the bucket's lock.</summary>
    private void Close(string client, Bucket bucket)
    {
        if (bucket.Closed)
        {
            return;
        }
        bucket.Closed = true;
        _buckets.TryRemove(new KeyValuePair<string, Bucket>(client, bucket));
        if (bucket.Suppressed > 0)
        {
            _ended.Enqueue(new Summary(client, bucket.Suppressed, bucket.Start, bucket.Last));
        }
    }

    public sealed record Summary(string Client, int Count, DateTimeOffset From, DateTimeOffset To);

    private sealed class Bucket(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;
        public DateTimeOffset Last { get; set; } = start;
        public int Suppressed { get; set; }
        public bool Closed { get; set; }
    }
}

/// <summary>Writes the counted anonymous sign-in failures, a line per client and window, every minute and at shutdown.</summary>
public sealed class AnonymousSignInFailureFlush(AnonymousSignInFailures failures, IServiceScopeFactory scopes, TimeProvider clock, ILogger<AnonymousSignInFailureFlush> logger)
    : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(all: false, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(all: true, cancellationToken);
    }

    public async Task FlushAsync(bool all, CancellationToken cancellationToken)
    {
        var ended = failures.TakeEnded(all);
        if (ended.Count == 0)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var s in ended)
            {
                db.AuditEntries.Add(AuditEntry.Create(s.To, null, null, null, AuditAction.SignInFailed, null, s.Client,
                    $"{s.Count} more failed sign-ins naming no account from this client between {s.From:yyyy-MM-dd HH:mm:ss} and {s.To:yyyy-MM-dd HH:mm:ss} UTC"));
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The counts are lost, not the service: the next window counts again.
            logger.SignInFailureCountsNotWritten(ex, ended.Count);
        }
    }
}
