namespace CctvRequests.Api.Hosting;

/// <summary>
/// Where the static site is: <c>Web:Root</c> when set; in a checkout, the repository's
/// <c>web/</c> folder (edits show without a rebuild); otherwise the copy built into <c>site/</c>.
/// </summary>
public static class WebRoot
{
    public static string Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "web");
            if (File.Exists(Path.Combine(candidate, "index.html")) && File.Exists(Path.Combine(dir.FullName, "CctvRequests.sln")))
            {
                return candidate;
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "site");
    }
}
