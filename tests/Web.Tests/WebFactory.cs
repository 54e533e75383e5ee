using CctvRequests.TestSupport;

namespace CctvRequests.Web.Tests;

/// <summary>The real API and site on a real loopback socket, for a real browser.</summary>
public class WebFactory : SocketApiFactory
{
    /// <summary>Status links must open on this server, so the public base URL is its address.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(ExtraSettings) { ["App:PublicBaseUrl"] = BaseUrl };

    /// <summary>What a subclass changes in the organization's configuration.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();
}
