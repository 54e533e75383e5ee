namespace CctvRequests.Infrastructure.Links;

/// <summary><c>App:PublicBaseUrl</c>: the address citizens reach the site at; status links and QR codes are built from it.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    public string PublicBaseUrl { get; set; } = "http://localhost:8080";
}
