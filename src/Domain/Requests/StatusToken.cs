using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CctvRequests.Domain.Requests;

/// <summary>
/// The secret in the citizen's QR code: 256 random bits, base64url. Only its SHA-256 is stored,
/// so a copy of the database does not open anyone's status page.
/// </summary>
public static class StatusToken
{
    public const int Bytes = 32;
    public const int Length = 43; // base64url of 32 bytes, no padding

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && Base64Url.IsValid(token, out var decoded) && decoded == Bytes;
}
