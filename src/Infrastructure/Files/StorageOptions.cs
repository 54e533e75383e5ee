namespace CctvRequests.Infrastructure.Files;

/// <summary><c>Storage:Root</c>: the attachments folder. It must lie outside the web root.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string Root { get; set; } = string.Empty;
}
