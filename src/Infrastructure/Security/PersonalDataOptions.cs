namespace CctvRequests.Infrastructure.Security;

/// <summary>
/// <c>PersonalData</c>: the keys that protect identity documents at rest. Either a key file
/// (<c>KeyFile</c>: JSON of this same shape, mode 0600) or the values themselves (environment
/// variables: <c>PersonalData__EncryptionKeys__1</c>, <c>PersonalData__CurrentKey</c>,
/// <c>PersonalData__IndexKey</c>). Keys are 32 random bytes in base64
/// (<c>head -c 32 /dev/urandom | base64</c>). See docs/PERSONAL-DATA.md for rotation.
/// </summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    public string? KeyFile { get; set; }

    /// <summary>AES-256-GCM keys by id (1-255); old ones stay to read what they wrote.</summary>
    public Dictionary<string, string> EncryptionKeys { get; set; } = [];

    /// <summary>The id of the key new values are encrypted with.</summary>
    public string? CurrentKey { get; set; }

    /// <summary>The HMAC-SHA256 key of the blind index; another key than any encryption key.</summary>
    public string? IndexKey { get; set; }
}
