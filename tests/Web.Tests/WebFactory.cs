using System.Net;
using System.Net.Sockets;
using CctvRequests.TestSupport;

namespace CctvRequests.Web.Tests;

/// <summary>The real API and site on a real loopback socket, for a real browser.</summary>
public class WebFactory : ApiFactory
{
    public WebFactory()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Status links must open on this server, so the public base URL is its address.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(ExtraSettings) { ["App:PublicBaseUrl"] = BaseUrl };

    /// <summary>What a subclass changes in the organization's configuration.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public override async Task InitializeAsync()
    {
        UseKestrel(Port);
        await base.InitializeAsync();
    }
}
