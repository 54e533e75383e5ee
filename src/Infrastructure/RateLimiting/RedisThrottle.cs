using System.Net;
using System.Threading.RateLimiting;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using StackExchange.Redis;

namespace CctvRequests.Infrastructure.RateLimiting;

/// <summary>
/// The same sliding windows as <see cref="SlidingWindowThrottle"/>, kept in Redis so that every API
/// node counts against one limit (chosen when <c>Redis:Configuration</c> is set). Each window is a
/// <see cref="RedisSlidingWindowRateLimiter{TKey}"/> of the RedisRateLimiting library (a Lua script
/// on a sorted set, atomic in Redis); keys are <c>{prefix}:{policy}:{client or document hash}</c>, the
/// prefix <c>Redis:KeyPrefix</c> (default <c>cctv</c>) so that one Redis can serve several deployments.
/// </summary>
public sealed class RedisThrottle(IConnectionMultiplexer redis, IOptionsMonitor<ThrottleOptions> options, string prefix) : IThrottle
{
    public ValueTask ForClientAsync(ThrottlePolicy policy, IPAddress? client, CancellationToken cancellationToken = default) =>
        AcquireAsync(policy, "ip:" + SlidingWindowThrottle.ClientKey(client), cancellationToken);

    public ValueTask ForDocumentAsync(ThrottlePolicy policy, IdentityDocument document, CancellationToken cancellationToken = default) =>
        AcquireAsync(policy, SlidingWindowThrottle.DocumentKey(document), cancellationToken);

    public ValueTask ForKeyAsync(ThrottlePolicy policy, string key, CancellationToken cancellationToken = default) =>
        AcquireAsync(policy, "key:" + key, cancellationToken);

    public static readonly Text Unavailable = new(
        "ขณะนี้ระบบนับจำนวนครั้งไม่พร้อม จึงยังตอบไม่ได้ ไม่มีข้อมูลใดถูกบันทึก กรุณาลองใหม่อีกครั้ง",
        "The service that counts attempts is not available, so this cannot be answered now; nothing was saved. Please try again.");

    private async ValueTask AcquireAsync(ThrottlePolicy policy, string key, CancellationToken cancellationToken)
    {
        var limits = options.CurrentValue.For(policy);
        var window = TimeSpan.FromMinutes(limits.WindowMinutes);
        await using var limiter = new RedisSlidingWindowRateLimiter<string>($"{prefix}:{policy}:{key}", new RedisSlidingWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis,
            PermitLimit = limits.PermitLimit,
            Window = window,
        });
        RateLimitLease lease;
        try
        {
            lease = await limiter.AcquireAsync(1, cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Closed, not open: the lookup limit is what stops anyone probing who has filed a request.
            throw new ServiceUnavailableException(Unavailable, ex);
        }
        using var _ = lease;
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
            throw new TooManyRequestsException(retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter);
        }
    }
}
