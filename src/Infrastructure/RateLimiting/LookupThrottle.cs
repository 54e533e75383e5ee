using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure.RateLimiting;

/// <summary>
/// A sliding window per client address and per identity document, in memory (one API process; see
/// ADR 0004). IDs are keyed by their SHA-256, so no raw ID sits in the process's memory longer
/// than a request.
/// </summary>
public sealed class LookupThrottle(IOptions<LookupThrottleOptions> options, TimeProvider clock) : ILookupThrottle
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);

    public void ForClient(string clientAddress) => Acquire("ip:" + clientAddress);

    public void ForDocument(IdentityDocument document) =>
        Acquire("id:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{document.Kind}:{document.Country}:{document.Number}"))));

    /// <summary>Forgets every window (tests, or an operator after a false alarm).</summary>
    public void Reset() => _windows.Clear();

    private void Acquire(string key)
    {
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(options.Value.WindowMinutes);
        var hits = _windows.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (hits)
        {
            while (hits.Count > 0 && hits.Peek() <= now - window)
            {
                hits.Dequeue();
            }
            if (hits.Count >= options.Value.PermitLimit)
            {
                var retryAfter = hits.Peek() + window - now;
                throw new TooManyRequestsException(retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter);
            }
            hits.Enqueue(now);
        }
        if (_windows.Count > PruneAbove)
        {
            Prune(now - window);
        }
    }

    private void Prune(DateTimeOffset before)
    {
        foreach (var (key, hits) in _windows)
        {
            lock (hits)
            {
                if (hits.Count == 0 || hits.Last() <= before)
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }
    }
}
