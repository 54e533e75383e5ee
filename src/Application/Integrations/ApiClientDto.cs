namespace CctvRequests.Application.Integrations;

/// <summary>An API client as administrators see it: never a secret, only when each was made and until when it works.</summary>
public sealed record ApiClientDto(
    string ClientId, string Name, string OwnerContact, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, IReadOnlyList<ApiClientSecretDto> Secrets)
{
    public static ApiClientDto Of(ApiClient c) => new(
        c.ClientId, c.Name, c.OwnerContact, c.Scopes, c.CreatedAt, c.CreatedByName, c.ExpiresAt, c.RevokedAt, c.LastUsedAt,
        c.Secrets.OrderBy(s => s.CreatedAt).Select(s => new ApiClientSecretDto(s.CreatedAt, s.ValidUntil)).ToList());
}

/// <param name="CreatedAt">When it was made.</param>
/// <param name="ValidUntil">Null for the current secret; the end of the overlap for one that a newer one replaced.</param>
public sealed record ApiClientSecretDto(DateTimeOffset CreatedAt, DateTimeOffset? ValidUntil);
