namespace CctvRequests.Application.Abstractions;

/// <summary>
/// The first answer to a submission that carried an <c>Idempotency-Key</c>, kept 24 hours so a
/// double click or a retried upload gets it again instead of creating a second request. The
/// status token is kept only encrypted (Data Protection), because the database stores no token.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMax = 100;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public string Key { get; set; } = string.Empty;

    /// <summary>SHA-256 over the submitted fields and files, to refuse one key reused for another request.</summary>
    public string Fingerprint { get; set; } = string.Empty;

    public Guid RequestId { get; set; }
    public string ProtectedToken { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
}
