using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Common;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure.Security;

/// <summary>
/// Identity documents at rest: AES-256-GCM with a random 96-bit nonce per value, stored as
/// <c>[1: format][1: key id][12: nonce][16: tag][ciphertext]</c>, so old values stay readable after
/// a new key becomes current; and a blind index, HMAC-SHA256 with a key of its own over the
/// normalized document (<c>kind|number</c>), through which every search finds a person.
/// Keys are read on first use, so tools that only build the model (migrations) need none.
/// </summary>
public sealed class PersonalDataProtector(IOptions<PersonalDataOptions> options) : IIdentityIndex
{
    private const byte Format = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Lazy<Keys> _keys = new(() => Load(options.Value));

    /// <summary>Tells EF's model cache apart per key set (one process may hold several test hosts).</summary>
    public string Fingerprint => _fingerprint ??= Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(options.Value))))[..16];

    private string? _fingerprint;

    public byte[] Encrypt(string plain)
    {
        if (plain.Length == 0)
        {
            return [];
        }
        var keys = _keys.Value;
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[2 + NonceSize + TagSize + data.Length];
        output[0] = Format;
        output[1] = keys.CurrentId;
        var nonce = output.AsSpan(2, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.Encryption[keys.CurrentId], TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(2 + NonceSize + TagSize), output.AsSpan(2 + NonceSize, TagSize), [Format, keys.CurrentId]);
        return output;
    }

    public string Decrypt(byte[] stored)
    {
        if (stored.Length == 0)
        {
            return string.Empty;
        }
        if (stored.Length < 2 + NonceSize + TagSize || stored[0] != Format)
        {
            throw new CryptographicException("Not an identity value this version wrote.");
        }
        var keys = _keys.Value;
        if (!keys.Encryption.TryGetValue(stored[1], out var key))
        {
            throw new CryptographicException($"Identity values were written with key {stored[1]}, which PersonalData does not hold.");
        }
        var plain = new byte[stored.Length - 2 - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(stored.AsSpan(2, NonceSize), stored.AsSpan(2 + NonceSize + TagSize), stored.AsSpan(2 + NonceSize, TagSize), plain, stored.AsSpan(0, 2));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The key id a stored value was written with (re-encryption skips the current one's).</summary>
    public static byte KeyIdOf(byte[] stored) => stored.Length > 1 ? stored[1] : (byte)0;

    public byte CurrentKeyId => _keys.Value.CurrentId;

    public byte[] Of(IdentityDocumentKind kind, string number)
    {
        var normalized = $"{kind}|{number.Trim().ToUpperInvariant()}";
        return HMACSHA256.HashData(_keys.Value.Index, Encoding.UTF8.GetBytes(normalized));
    }

    private sealed record Keys(Dictionary<byte, byte[]> Encryption, byte CurrentId, byte[] Index);

    private static Keys Load(PersonalDataOptions configured)
    {
        var o = configured;
        if (!string.IsNullOrWhiteSpace(configured.KeyFile))
        {
            var file = JsonSerializer.Deserialize<PersonalDataOptions>(File.ReadAllText(configured.KeyFile), JsonSerializerOptions.Web)
                       ?? throw new InvalidOperationException($"{configured.KeyFile} is empty.");
            o = file;
        }
        if (o.EncryptionKeys.Count == 0 || string.IsNullOrWhiteSpace(o.CurrentKey) || string.IsNullOrWhiteSpace(o.IndexKey))
        {
            throw new InvalidOperationException(
                "Identity documents are encrypted at rest: set PersonalData:KeyFile, or PersonalData:EncryptionKeys:<id>, PersonalData:CurrentKey and PersonalData:IndexKey " +
                "(32 random bytes in base64 each; run.sh makes .data/personal-data-keys.json). See docs/PERSONAL-DATA.md.");
        }
        var encryption = o.EncryptionKeys.ToDictionary(k => byte.Parse(k.Key, System.Globalization.CultureInfo.InvariantCulture), k => Key(k.Value, $"EncryptionKeys:{k.Key}"));
        var current = byte.Parse(o.CurrentKey, System.Globalization.CultureInfo.InvariantCulture);
        if (!encryption.ContainsKey(current))
        {
            throw new InvalidOperationException($"PersonalData:CurrentKey {current} is not among PersonalData:EncryptionKeys.");
        }
        var index = Key(o.IndexKey, "IndexKey");
        if (encryption.Values.Any(k => k.AsSpan().SequenceEqual(index)))
        {
            throw new InvalidOperationException("PersonalData:IndexKey must differ from every encryption key.");
        }
        return new Keys(encryption, current, index);
    }

    private static byte[] Key(string base64, string name)
    {
        var key = Convert.FromBase64String(base64);
        return key.Length == 32 ? key : throw new InvalidOperationException($"PersonalData:{name} must be 32 bytes (base64), not {key.Length}.");
    }
}
