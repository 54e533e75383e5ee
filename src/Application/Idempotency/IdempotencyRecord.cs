namespace CctvRequests.Application.Idempotency;

/// <summary>
/// The first answer to a command that carried an <c>Idempotency-Key</c>, kept 24 hours so a double
/// click or a retried upload gets it again instead of doing the work twice. The answer holds a
/// status token, so it is kept only encrypted (Data Protection).
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMax = 100;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private IdempotencyRecord()
    {
        Key = Fingerprint = ProtectedAnswer = string.Empty;
    }

    public string Key { get; private set; }

    /// <summary>SHA-256 over the command's fields and files, to refuse one key reused for another command.</summary>
    public string Fingerprint { get; private set; }

    public string ProtectedAnswer { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsLiveAt(DateTimeOffset now) => CreatedAt > now - Lifetime;

    public static IdempotencyRecord Create(string key, string fingerprint, string protectedAnswer, DateTimeOffset at) => new()
    {
        Key = key,
        Fingerprint = fingerprint,
        ProtectedAnswer = protectedAnswer,
        CreatedAt = at.ToUniversalTime(),
    };

    /// <summary>An expired record gives its key to a new command.</summary>
    public void Renew(string fingerprint, string protectedAnswer, DateTimeOffset at)
    {
        Fingerprint = fingerprint;
        ProtectedAnswer = protectedAnswer;
        CreatedAt = at.ToUniversalTime();
    }
}
