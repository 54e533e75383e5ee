using System.Security.Cryptography;
using CctvRequests.Application.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Integrations.IssueToken;

/// <summary>
/// The token endpoint's work (RFC 6749 §4.4, ADR 0018): the client's secret checked against its SHA-256 (secrets are
/// 256 random bits, so a slow password hash would add nothing but cost), the scopes asked for checked against the
/// client's, and a 15-minute token stored as its SHA-256. Not a mediator command: its errors are OAuth's
/// (<see cref="TokenRequestException"/>), not problem+json, and it must stay cheap (≥ 500 a second).
/// </summary>
public sealed class TokenIssuer(IAppDbContext db, TimeProvider clock)
{
    /// <summary>Compared against when the client id is unknown, so an unknown id costs the same as a wrong secret.</summary>
    private static readonly byte[] NoSecret = RandomNumberGenerator.GetBytes(32);

    public async Task<IssuedToken> IssueAsync(string clientId, string secret, string? scope, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var client = clientId.Length > ApiClient.ClientIdLength ? null
            : await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        if (client is null)
        {
            CryptographicOperations.FixedTimeEquals(NoSecret, ApiClient.HashOf(secret));
            throw TokenRequestException.InvalidClient();
        }
        if (!client.Accepts(secret, now) || !client.IsActiveAt(now))
        {
            throw TokenRequestException.InvalidClient();
        }
        var wanted = scope is null ? client.Scopes : scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0 || wanted.Any(s => !client.Scopes.Contains(s, StringComparer.Ordinal)))
        {
            throw TokenRequestException.InvalidScope(client.Scopes);
        }
        var (token, value) = ApiToken.Issue(client, wanted, now);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedToken(value, (int)ApiToken.Lifetime.TotalSeconds, string.Join(' ', token.Scopes));
    }
}

public sealed record IssuedToken(string AccessToken, int ExpiresIn, string Scope);

/// <summary>An error of the token endpoint as RFC 6749 §5.2 names it: answered as <c>{error, error_description}</c>.</summary>
public sealed class TokenRequestException(string error, string description, int status = 400) : Exception(description)
{
    public string Error { get; } = error;

    public int Status { get; } = status;

    public static TokenRequestException InvalidRequest(string description) => new("invalid_request", description);

    public static TokenRequestException InvalidClient() =>
        new("invalid_client", "Client authentication failed: unknown client, wrong secret, or a revoked or expired client.", 401);

    public static TokenRequestException UnsupportedGrantType() =>
        new("unsupported_grant_type", "Only grant_type=client_credentials is supported.");

    public static TokenRequestException InvalidScope(IEnumerable<string> allowed) =>
        new("invalid_scope", "Ask for some of this client's scopes, separated by spaces: " + string.Join(' ', allowed) + ".");
}
