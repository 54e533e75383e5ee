using System.Net;
using System.Net.Sockets;
using CctvRequests.TestSupport;

namespace CctvRequests.Web.Tests;

/// <summary>The real API and site on a real loopback socket, for a real browser.</summary>
public sealed class WebFactory : ApiFactory
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
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["App:PublicBaseUrl"] = BaseUrl,
    };

    public override async Task InitializeAsync()
    {
        UseKestrel(Port);
        await base.InitializeAsync();
    }
}
