using System.Net;
using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Abstractions;

/// <summary>
/// Sliding-window limits per client and per identity document (429 with Retry-After through
/// <see cref="Common.TooManyRequestsException"/>), so that nobody can flood the office with
/// requests or probe who has filed one. The limits are configuration: <c>RateLimiting:{policy}</c>.
/// </summary>
public interface IThrottle
{
    /// <summary>Counts one call from the client (an IPv4 address, or an IPv6 /64), or throws when its window is full.</summary>
    ValueTask ForClientAsync(ThrottlePolicy policy, IPAddress? client, CancellationToken cancellationToken = default);

    /// <summary>Counts one use of the identity document, or throws when its window is full.</summary>
    ValueTask ForDocumentAsync(ThrottlePolicy policy, IdentityDocument document, CancellationToken cancellationToken = default);

    /// <summary>Counts one use of something named by <paramref name="key"/> (a request, say), or throws when its window is full.</summary>
    ValueTask ForKeyAsync(ThrottlePolicy policy, string key, CancellationToken cancellationToken = default);
}

public enum ThrottlePolicy
{
    /// <summary>The lookup by national ID or passport: per client and per document.</summary>
    Lookup,

    /// <summary>Submissions per client.</summary>
    Submission,

    /// <summary>Accepted submissions per identity document.</summary>
    SubmissionPerDocument,

    /// <summary>The status page's calls by token (status, QR code) per client.</summary>
    Status,

    /// <summary>Staff sign-in attempts per client: password and code, passkey options and passkey assertions.</summary>
    StaffSignIn,

    /// <summary>Identity numbers typed to open a request's clip downloads: per client and per request.</summary>
    ClipCheck,

    /// <summary>The applicant's appointment calls (slots, booking, change, cancel), each with the identity number: per client and per request.</summary>
    AppointmentCheck,
}
