using CctvRequests.Application.Abstractions;
using Microsoft.Extensions.Options;
using QRCoder;

namespace CctvRequests.Infrastructure.Links;

/// <summary>
/// The token goes in the URL fragment (<c>#t=</c>): browsers never send a fragment to the server,
/// so the secret stays out of access logs and proxies.
/// </summary>
public sealed class StatusLinks(IOptions<AppOptions> options) : IStatusLinks
{
    public const int PixelsPerModule = 8;

    public string StatusUrl(string token) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/status#t={token}";

    public byte[] QrCodePng(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }
}
