using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace CctvRequests.Api.Tests;

/// <summary>
/// An integrator's endpoint on a real Kestrel socket: every delivery is verified with the StandardWebhooks library
/// (signature, timestamp) and kept, or listed in <see cref="Violations"/>. It can be told to fail.
/// </summary>
public sealed class TestWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestWebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>The endpoint's signing secret, once the webhook is registered.</summary>
    public string? Secret { get; set; }

    /// <summary>Set to answer every delivery with this status (and a long body) instead of accepting it.</summary>
    public int? FailWith { get; set; }

    public ConcurrentQueue<Delivery> Received { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    public sealed record Delivery(string WebhookId, string Body);

    public static async Task<TestWebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new TestWebhookReceiver(app);
        app.MapPost("/hook", (Delegate)receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        if (FailWith is { } status)
        {
            return Results.Text(new string('x', 5000), statusCode: status);
        }
        try
        {
            new StandardWebhook(Secret ?? throw new InvalidOperationException("no secret yet")).Verify(body, context.Request.Headers);
        }
        catch (Exception ex)
        {
            Violations.Enqueue(ex.GetType().Name + ": " + ex.Message);
            return Results.BadRequest();
        }
        Received.Enqueue(new Delivery(context.Request.Headers["webhook-id"].ToString(), body));
        return Results.NoContent();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
