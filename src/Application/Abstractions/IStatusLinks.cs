namespace CctvRequests.Application.Abstractions;

/// <summary>Builds the citizen's status link and its QR code.</summary>
public interface IStatusLinks
{
    /// <summary>
    /// The absolute status-page URL with the token in the fragment (<c>https://host/status#t=...</c>),
    /// built from the configured public base URL, never from the request's Host header.
    /// </summary>
    string StatusUrl(string token);

    /// <summary>A PNG QR code of <paramref name="url"/>.</summary>
    byte[] QrCodePng(string url);
}
