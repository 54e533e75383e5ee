using CctvRequests.Application.Files;
using CctvRequests.Domain.Requests;

namespace CctvRequests.Application.Staff.RecordHandOver;

/// <summary>A clip as the officer's browser described it: its name, size and SHA-256 (the file itself is not uploaded).</summary>
public sealed record ClipForm(string? FileName, long? SizeBytes, string? Sha256);

/// <summary>The hand-over as the page sent it; the signature is a base64 PNG drawn on the screen.</summary>
public sealed record HandOverForm(string? Medium, string? ReceivedBy, IReadOnlyList<ClipForm>? Clips, string? SignaturePng)
{
    /// <summary>After <see cref="HandOverFormValidator"/> passed: the one mapping (hashes in lower case, the signature decoded).</summary>
    public RecordHandOverCommand ToCommand(ReferenceNumber reference) => new(
        reference,
        Medium!.Trim(),
        ReceivedBy!.Trim(),
        Clips!.Select(c => HandOverClip.Create(c.FileName!.Trim(), c.SizeBytes!.Value, c.Sha256!.Trim().ToLowerInvariant())).ToList(),
        Decode(SignaturePng) ?? throw new InvalidOperationException("The signature was validated before it was mapped."));

    /// <summary>The base64 of the signature as bytes, or null when it is not base64 within the size limit.</summary>
    public static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64) || base64.Length > UploadLimits.MaxSignatureBytes * 4 / 3 + 8)
        {
            return null;
        }
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) ? buffer[..written] : null;
    }

    public override string ToString() => nameof(HandOverForm);
}
