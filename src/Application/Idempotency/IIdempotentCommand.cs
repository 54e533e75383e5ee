namespace CctvRequests.Application.Idempotency;

/// <summary>A command a client may safely send twice: the same key within 24 hours gets the first answer again.</summary>
public interface IIdempotentCommand
{
    /// <summary>From the <c>Idempotency-Key</c> header; null when the client sent none.</summary>
    string? IdempotencyKey { get; }

    /// <summary>What the command carries, hashed: the same key with another payload is refused (422).</summary>
    string Fingerprint { get; }
}

/// <summary>Tells the endpoint, within one HTTP request, that the answer was a replay.</summary>
public sealed class IdempotencyOutcome
{
    public bool Replayed { get; set; }
}
