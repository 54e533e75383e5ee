using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Infrastructure.Identity;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) in place of Identity's
/// own provider, which accepts steps −2…+2 (150 seconds, five valid codes) and the same code any
/// number of times. Here a code is valid for its step and one step either side (clock drift of a
/// phone), and only once: a step at or below the last one accepted for the account is refused
/// (ASVS 6.5.1). The last step is claimed by one conditional upsert (<see cref="StaffTotpStep"/>), so
/// two sign-ins racing with the same code cannot both win. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class StaffAuthenticatorTokenProvider(AppDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<StaffUser>
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// <summary>Steps accepted on either side of the current one.</summary>
    public const int AllowedDrift = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the user's app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        if (token.Length != Digits || !token.All(char.IsAsciiDigit) || await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key
            || Base32.TryDecode(key) is not { } secret)
        {
            return false;
        }
        var now = StepAt(clock.GetUtcNow());
        long? matched = null;
        for (var step = now - AllowedDrift; step <= now + AllowedDrift; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(token)))
            {
                matched = step;
            }
        }
        if (matched is not { } accepted)
        {
            return false;
        }
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO staff_totp_steps (user_id, last_step) VALUES ({user.Id}, {accepted})
            ON CONFLICT (user_id) DO UPDATE SET last_step = excluded.last_step WHERE staff_totp_steps.last_step < excluded.last_step
            """);
        return claimed == 1;
    }

    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code of one time step (RFC 4226 dynamic truncation).</summary>
    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, as authenticator keys are written (upper case, no padding, spaces ignored).</summary>
    public static class Base32
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        public static byte[]? TryDecode(string text)
        {
            var output = new List<byte>(text.Length * 5 / 8);
            int buffer = 0, bits = 0;
            foreach (var c in text)
            {
                if (c is ' ' or '=')
                {
                    continue;
                }
                var index = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
                if (index < 0)
                {
                    return null;
                }
                buffer = (buffer << 5) | index;
                bits += 5;
                if (bits >= 8)
                {
                    bits -= 8;
                    output.Add((byte)(buffer >> bits));
                    buffer &= (1 << bits) - 1;
                }
            }
            return output.Count == 0 ? null : [.. output];
        }
    }
}
