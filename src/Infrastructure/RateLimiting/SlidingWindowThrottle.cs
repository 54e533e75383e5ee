using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure.RateLimiting;

/// <summary>
/// Sliding windows in memory (one API process; see ADR 0004). A client is its IPv4 address, or
/// the /64 prefix of its IPv6 address (one household or phone gets a whole /64). Documents are
/// keyed by a SHA-256 of the document, so no raw ID sits in memory longer than a request. Windows
/// that have emptied are pruned once the table passes <see cref="PruneAbove"/> keys.
/// </summary>
public sealed class SlidingWindowThrottle(IOptionsMonitor<ThrottleOptions> options, TimeProvider clock) : IThrottle
{
    public const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);

    public int Keys => _windows.Count;

    public ValueTask ForClientAsync(ThrottlePolicy policy, IPAddress? client, CancellationToken cancellationToken = default)
    {
        ForClient(policy, client);
        return ValueTask.CompletedTask;
    }

    public ValueTask ForDocumentAsync(ThrottlePolicy policy, IdentityDocument document, CancellationToken cancellationToken = default)
    {
        ForDocument(policy, document);
        return ValueTask.CompletedTask;
    }

    public ValueTask ForKeyAsync(ThrottlePolicy policy, string key, CancellationToken cancellationToken = default)
    {
        Acquire(policy, "key:" + key);
        return ValueTask.CompletedTask;
    }

    public void ForClient(ThrottlePolicy policy, IPAddress? client) => Acquire(policy, "ip:" + ClientKey(client));

    public void ForDocument(ThrottlePolicy policy, IdentityDocument document) => Acquire(policy, DocumentKey(document));

    /// <summary>A document as the limits key it: a SHA-256, never the number itself.</summary>
    public static string DocumentKey(IdentityDocument document) =>
        "id:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{document.Kind}:{document.Country}:{document.Number}")));

    /// <summary>An IPv4 address as it is; an IPv6 address as its /64 prefix.</summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Forgets every window (tests, or an operator after a false alarm).</summary>
    public void Reset() => _windows.Clear();

    private void Acquire(ThrottlePolicy policy, string key)
    {
        var limits = options.CurrentValue.For(policy);
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(limits.WindowMinutes);
        var hits = _windows.GetOrAdd($"{policy}:{key}", _ => new Queue<DateTimeOffset>());
        lock (hits)
        {
            while (hits.Count > 0 && hits.Peek() <= now - window)
            {
                hits.Dequeue();
            }
            if (hits.Count >= limits.PermitLimit)
            {
                var retryAfter = hits.Peek() + window - now;
                throw new TooManyRequestsException(retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter);
            }
            hits.Enqueue(now);
        }
        if (_windows.Count > PruneAbove)
        {
            Prune(now);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        var longest = TimeSpan.FromMinutes(Enum.GetValues<ThrottlePolicy>().Max(p => options.CurrentValue.For(p).WindowMinutes));
        foreach (var (key, hits) in _windows)
        {
            lock (hits)
            {
                if (hits.Count == 0 || hits.Last() <= now - longest)
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }
    }
}
