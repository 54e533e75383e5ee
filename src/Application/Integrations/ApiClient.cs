using System.Security.Cryptography;
using System.Text;
using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Integrations;

/// <summary>What an API client may do (SPEC decision 18): reading only; nothing that decides.</summary>
public static class ApiScopes
{
    /// <summary>The queue and a request's detail (the national ID in full), without files.</summary>
    public const string RequestsRead = "requests.read";

    /// <summary>A request's attachments.</summary>
    public const string RequestsFiles = "requests.files";

    public const string StatisticsRead = "statistics.read";

    /// <summary>The event feed and webhooks.</summary>
    public const string EventsRead = "events.read";

    public static readonly IReadOnlyList<string> All = [RequestsRead, RequestsFiles, StatisticsRead, EventsRead];

    public static Text TextOf(string scope) => scope switch
    {
        RequestsRead => new("อ่านรายการคำร้องและรายละเอียด (ไม่รวมไฟล์)", "Read the queue and each request's detail (no files)"),
        RequestsFiles => new("เปิดไฟล์แนบของคำร้อง", "Open a request's attachments"),
        StatisticsRead => new("อ่านสถิติ", "Read the statistics"),
        EventsRead => new("อ่านเหตุการณ์และรับ webhook", "Read the event feed and receive webhooks"),
        _ => new(scope, scope),
    };
}

/// <summary>
/// Another system calling the API (SPEC decision 18, ADR 0018): its client id, the scopes an administrator gave it,
/// an expiry within a year, secrets kept only as SHA-256 (each is 256 random bits, so a fast hash is enough) and
/// able to overlap while a new one replaces the old; revocable at once.
/// </summary>
public sealed class ApiClient
{
    public const int NameMax = 200;
    public const int ContactMax = 300;
    public const int ClientIdLength = 26;
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    private readonly List<ApiClientSecret> _secrets = [];

    private ApiClient()
    {
        ClientId = Name = OwnerContact = CreatedByName = string.Empty;
        Scopes = [];
    }

    public Guid Id { get; private set; }
    public string ClientId { get; private set; }
    public string Name { get; private set; }
    public string OwnerContact { get; private set; }
    public string[] Scopes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public IReadOnlyList<ApiClientSecret> Secrets => _secrets;

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>A new client and its first secret (answered once, never stored in clear).</summary>
    public static (ApiClient Client, string Secret) Create(string name, string ownerContact, IReadOnlyCollection<string> scopes, DateTimeOffset expiresAt, string createdByName, DateTimeOffset now)
    {
        var client = new ApiClient
        {
            Id = Guid.CreateVersion7(now),
            ClientId = "cctv-" + Base32(RandomNumberGenerator.GetBytes(13))[..(ClientIdLength - 5)],
            Name = name,
            OwnerContact = ownerContact,
            Scopes = [.. scopes.Distinct().Order(StringComparer.Ordinal)],
            CreatedAt = now.ToUniversalTime(),
            CreatedByName = createdByName,
            ExpiresAt = expiresAt.ToUniversalTime(),
        };
        return (client, client.AddSecret(now, null));
    }

    /// <summary>A new secret; the ones before it keep working until <paramref name="previousUntil"/> (the overlap), or stop now.</summary>
    public string RotateSecret(DateTimeOffset now, DateTimeOffset previousUntil)
    {
        foreach (var old in _secrets.Where(s => s.IsValidAt(now)))
        {
            old.EndAt(previousUntil < now ? now : previousUntil);
        }
        return AddSecret(now, null);
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now.ToUniversalTime();

    public void Used(DateTimeOffset now) => LastUsedAt = now.ToUniversalTime();

    /// <summary>Whether <paramref name="secret"/> is one of this client's secrets valid now (compared in constant time).</summary>
    public bool Accepts(string secret, DateTimeOffset now)
    {
        var hash = HashOf(secret);
        var ok = false;
        foreach (var s in _secrets)
        {
            ok |= s.IsValidAt(now) & CryptographicOperations.FixedTimeEquals(s.Hash, hash);
        }
        return ok;
    }

    public static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private string AddSecret(DateTimeOffset now, DateTimeOffset? until)
    {
        var secret = Base32(RandomNumberGenerator.GetBytes(32));
        _secrets.Add(ApiClientSecret.Create(HashOf(secret), now, until));
        return secret;
    }

    private static string Base32(byte[] bytes)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var output = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                output.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            output.Append(alphabet[(buffer << (5 - bits)) & 31]);
        }
        return output.ToString();
    }
}

public sealed class ApiClientSecret
{
    private ApiClientSecret()
    {
        Hash = [];
    }

    public Guid Id { get; private set; }
    public byte[] Hash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Null while it is the current secret; set when a newer one replaced it (the end of the overlap).</summary>
    public DateTimeOffset? ValidUntil { get; private set; }

    public bool IsValidAt(DateTimeOffset now) => ValidUntil is null || now < ValidUntil;

    internal void EndAt(DateTimeOffset at) => ValidUntil = ValidUntil is { } current && current < at ? current : at.ToUniversalTime();

    internal static ApiClientSecret Create(byte[] hash, DateTimeOffset now, DateTimeOffset? until) => new()
    {
        Id = Guid.CreateVersion7(now),
        Hash = hash,
        CreatedAt = now.ToUniversalTime(),
        ValidUntil = until,
    };
}

/// <summary>An access token (RFC 6749 §4.4): opaque, 256 random bits, stored as its SHA-256, valid 15 minutes.</summary>
public sealed class ApiToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private ApiToken()
    {
        Hash = [];
        Scopes = [];
    }

    public byte[] Hash { get; private set; }
    public Guid ApiClientId { get; private set; }
    public string[] Scopes { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    public static (ApiToken Token, string Value) Issue(ApiClient client, IReadOnlyCollection<string> scopes, DateTimeOffset now)
    {
        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ApiToken
        {
            Hash = ApiClient.HashOf(value),
            ApiClientId = client.Id,
            Scopes = [.. scopes],
            IssuedAt = now.ToUniversalTime(),
            ExpiresAt = (now + Lifetime).ToUniversalTime(),
        }, value);
    }
}
