using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>An OTLP collector stand-in: records every POST (path, content type, body).</summary>
public sealed class TestCollector : IDisposable
{
    private readonly HttpListener _listener = new();

    public TestCollector()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> Posts { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Posts.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}

/// <summary>A host whose traces leave by OTLP over http/protobuf, the standard variables set.</summary>
public sealed class OtlpFactory : ApiFactory
{
    public TestCollector Collector { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{Collector.Port}",
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Collector.Dispose();
    }
}

public sealed class OtlpExportTests(OtlpFactory factory) : IClassFixture<OtlpFactory>
{
    [Fact]
    public async Task WithTheStandardVariables_SpansArePostedAsProtobuf_ToV1Traces()
    {
        var response = await factory.CreateClient().GetAsync("/api/stations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        byte[]? traces = null;
        for (var i = 0; i < 100 && traces is null; i++)
        {
            await Task.Delay(100);
            traces = factory.Collector.Posts.Where(p => p.Path == "/v1/traces" && p.ContentType == "application/x-protobuf")
                .Select(p => p.Body).FirstOrDefault(b => System.Text.Encoding.UTF8.GetString(b).Contains("GET /api/stations", StringComparison.Ordinal));
        }

        Assert.NotNull(traces);
        var text = System.Text.Encoding.UTF8.GetString(traces);
        Assert.Contains("cctvrequests", text);
    }
}
