using System.Net;
using System.Net.Sockets;

namespace CctvRequests.TestSupport;

/// <summary>
/// The real API on a real loopback socket (Kestrel, not the in-memory test server): for what only a
/// real server does (body size and data-rate limits, the Server header, a browser).
/// </summary>
public class SocketApiFactory : ApiFactory
{
    public SocketApiFactory()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>A client of the real socket (each connection comes from 127.0.0.1).</summary>
    public HttpClient NewSocketClient() => new() { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(60) };

    public override async Task InitializeAsync()
    {
        UseKestrel(Port);
        await base.InitializeAsync();
    }
}
