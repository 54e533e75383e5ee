using System.Threading.RateLimiting;
using CctvRequests.Api.Hosting;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using Microsoft.Extensions.Options;

namespace CctvRequests.Api.Staff;

/// <summary>
/// Bounds how many password hashes are computed at once (<c>Limits:ConcurrentPasswordChecks</c>, a queue of
/// <c>Limits:PasswordCheckQueue</c>, then 503 with Retry-After): each costs tens of milliseconds of a core,
/// and 16 parallel sign-ins once took every other call's median from a few milliseconds to half a second.
/// </summary>
public sealed class PasswordHashingGate(IOptions<LimitsOptions> limits) : IDisposable
{
    public static readonly Text Busy = new(
        "ขณะนี้มีผู้เข้าสู่ระบบพร้อมกันจำนวนมาก กรุณาลองใหม่ในอีกสักครู่", "Many people are signing in right now. Please try again in a moment.");

    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = Math.Max(1, limits.Value.ConcurrentPasswordChecks),
        QueueLimit = Math.Max(0, limits.Value.PasswordCheckQueue),
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>A turn to hash; dispose it when the hashing is done.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new ServiceUnavailableException(Busy);
        }
        return lease;
    }

    public void Dispose() => _limiter.Dispose();
}
