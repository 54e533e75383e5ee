using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CctvRequests.Application.Integrations;
using CctvRequests.Application.Notifications;
using CctvRequests.Application.Staff;
using CctvRequests.Infrastructure.Notifications;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CctvRequests.Api.Tests;

/// <summary>A host whose webhooks may reach this machine (the allow-list setting), over plain HTTP, as tests and internal systems need.</summary>
public sealed class WebhookFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Integrations:Webhooks:AllowedNetworks"] = "127.0.0.1/32",
        ["Integrations:Webhooks:AllowPlainHttp"] = "true",
    };
}

/// <summary>Webhooks through the outbox to a real receiver that verifies every signature with the StandardWebhooks library.</summary>
public sealed class WebhookTests(WebhookFactory factory, ITestOutputHelper output) : IntegrationTest(factory), IClassFixture<WebhookFactory>, IAsyncLifetime
{
    private TestWebhookReceiver? _receiver;

    private async Task<(TestWebhookReceiver Receiver, JsonElement Webhook, HttpClient Http)> RegisteredAsync(params string[] types)
    {
        _receiver = await TestWebhookReceiver.StartAsync();
        var http = Bearer(await TokenAsync(await NewApiClientAsync("events.read")));
        var response = await http.PostAsJsonAsync("/api/integrations/webhooks", new { url = _receiver.Url, eventTypes = types });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var json = JsonDocument.Parse(body).RootElement;
        _receiver.Secret = json.GetProperty("secret").GetString();
        Assert.StartsWith("whsec_", _receiver.Secret);
        return (_receiver, json.GetProperty("webhook"), http);
    }

    private async Task<List<OutboxMessage>> WebhooksSettledAsync()
    {
        await Factory.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);
        return (await NotificationServers.SettledAsync(Factory)).Where(m => m.Channel == MessageChannel.Webhook).ToList();
    }

    [Fact]
    public async Task ARequestsEvents_AreDelivered_Signed_AndLogged()
    {
        var (receiver, webhook, http) = await RegisteredAsync("request.submitted", "request.received");
        var reference = await FileAsync();

        var messages = await WebhooksSettledAsync();
        Assert.Equal(MessageStatus.Sent, Assert.Single(messages).Status);
        Assert.Empty(receiver.Violations);
        var delivery = Assert.Single(receiver.Received);
        Assert.Equal(messages[0].Id.ToString(), delivery.WebhookId);
        var payload = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal("request.submitted", payload.GetProperty("type").GetString());
        Assert.Equal(reference, payload.GetProperty("data").GetProperty("referenceNumber").GetString());

        var log = await JsonAsync(await http.GetAsync($"/api/integrations/webhooks/{webhook.GetProperty("id").GetString()}/attempts"));
        Assert.Equal(204, Assert.Single(log.EnumerateArray()).GetProperty("statusCode").GetInt32());
        // Another client sees neither the endpoint nor its log.
        var other = Bearer(await TokenAsync(await NewApiClientAsync("events.read")));
        Assert.Empty((await JsonAsync(await other.GetAsync("/api/integrations/webhooks"))).EnumerateArray());
        await AssertProblemAsync(await other.GetAsync($"/api/integrations/webhooks/{webhook.GetProperty("id").GetString()}/attempts"), 404);
    }

    [Fact]
    public async Task AReceiverThatIsDown_GetsTheDeliveryLater_WithTheSameId_AndTheLogKeepsAKilobyte()
    {
        var (receiver, webhook, http) = await RegisteredAsync("request.submitted");
        receiver.FailWith = 503;
        await FileAsync();
        var failed = Assert.Single(await WebhooksSettledAsync());
        Assert.Equal(MessageStatus.Failed, failed.Status);

        // Five minutes down; then it answers again and the retry (due 1 minute after the first failure, then 3) arrives.
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(MessageStatus.Failed, Assert.Single(await WebhooksSettledAsync()).Status);
        Factory.Clock.Advance(TimeSpan.FromMinutes(4));
        receiver.FailWith = null;
        var sent = Assert.Single(await WebhooksSettledAsync());
        Assert.Equal(MessageStatus.Sent, sent.Status);
        Assert.Equal(failed.Id.ToString(), Assert.Single(receiver.Received).WebhookId);
        Assert.Empty(receiver.Violations);

        var log = (await JsonAsync(await http.GetAsync($"/api/integrations/webhooks/{webhook.GetProperty("id").GetString()}/attempts"))).EnumerateArray().ToList();
        Assert.Equal([204, 503, 503], log.Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal(1024, log[1].GetProperty("answer").GetString()!.Length);
        await using var db = Factory.NewDbContext();
        Assert.Null((await db.WebhookSubscriptions.SingleAsync()).FailingSince);
    }

    [Fact]
    public async Task AnEndpointFailingForThreeDays_IsDisabled()
    {
        var (receiver, _, _) = await RegisteredAsync("request.submitted");
        receiver.FailWith = 500;
        await FileAsync();
        await WebhooksSettledAsync();
        for (var i = 0; i < 12; i++)
        {
            Factory.Clock.Advance(TimeSpan.FromHours(6));
            await WebhooksSettledAsync();
        }
        // The first delivery gave up after its ten attempts (about a day); the next one fails three days after the first failure.
        await using var db = Factory.NewDbContext();
        var subscriptionId = (await db.WebhookSubscriptions.AsNoTracking().SingleAsync()).Id;
        db.OutboxMessages.Add(OutboxMessage.Webhook(MessageEvent.Received, subscriptionId, "127.0.0.1", IntegrationEventTypes.Received, "{}", Factory.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        await WebhooksSettledAsync();
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleAsync();
        Assert.NotNull(subscription.DisabledAt);
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.Channel == MessageChannel.Webhook).OrderBy(m => m.CreatedAt).ToListAsync();
        Assert.Equal(OutboxMessage.MaxWebhookAttempts, messages[0].Attempts);
        Assert.Equal(MessageStatus.GivenUp, messages[0].Status);
        Assert.Contains(Factory.Logs.Lines, l => l.Contains("disabled after three days", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AThousandDeliveries_ToALocalReceiver_TakeUnderTenSeconds()
    {
        var (receiver, webhook, _) = await RegisteredAsync("request.received");
        var id = Guid.Parse(webhook.GetProperty("id").GetString()!);
        await using (var db = Factory.NewDbContext())
        {
            var now = Factory.Clock.GetUtcNow();
            db.OutboxMessages.AddRange(Enumerable.Range(0, 1000).Select(i => OutboxMessage.Webhook(
                MessageEvent.Received, id, "127.0.0.1", IntegrationEventTypes.Received, $$"""{"type":"request.received","n":{{i}}}""", now)));
            await db.SaveChangesAsync();
        }
        var watch = Stopwatch.StartNew();
        var dispatcher = Factory.Services.GetRequiredService<OutboxDispatcher>();
        while (receiver.Received.Count < 1000 && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (await dispatcher.RunOnceAsync(CancellationToken.None) == 0)
            {
                await Task.Delay(20);
            }
        }
        watch.Stop();
        output.WriteLine($"webhooks: {receiver.Received.Count} deliveries verified by the receiver in {watch.Elapsed.TotalSeconds:0.00} s");
        Assert.Equal(1000, receiver.Received.Select(r => r.WebhookId).Distinct().Count());
        Assert.Empty(receiver.Violations);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task TheDocumentedPythonExample_VerifiesADelivery_AndRefusesAForgedOne()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = $"http://127.0.0.1:{port}/hook";
        var http = Bearer(await TokenAsync(await NewApiClientAsync("events.read")));
        var registered = await JsonAsync(await http.PostAsJsonAsync("/api/integrations/webhooks", new { url, eventTypes = new[] { "request.submitted" } }));
        var secret = registered.GetProperty("secret").GetString()!;

        var script = Path.Combine(Path.GetDirectoryName(OpenApiDocumentTests.CommittedPath)!, "examples", "integrator.py");
        using var python = Process.Start(new ProcessStartInfo("python3", [script, "receive", port.ToString(System.Globalization.CultureInfo.InvariantCulture), secret])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var lines = new System.Collections.Concurrent.BlockingCollection<string>();
        _ = Task.Run(async () =>
        {
            while (await python.StandardOutput.ReadLineAsync() is { } line)
            {
                lines.Add(line);
            }
        });
        try
        {
            Assert.True(lines.TryTake(out var listening, TimeSpan.FromSeconds(10)), "the Python receiver did not start");
            Assert.StartsWith("listening", listening);

            var reference = await FileAsync();
            var sent = Assert.Single(await WebhooksSettledAsync());
            Assert.Equal(MessageStatus.Sent, sent.Status);
            Assert.True(lines.TryTake(out var verified, TimeSpan.FromSeconds(10)));
            Assert.Equal($"verified {sent.Id} request.submitted {reference}", verified);
            output.WriteLine("python example: " + verified);

            // A forged delivery (the right headers' shape, a wrong signature) is refused.
            using var forged = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("""{"type":"request.approved","data":{"referenceNumber":"x"}}""") };
            forged.Headers.Add("webhook-id", "msg_forged");
            forged.Headers.Add("webhook-timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            forged.Headers.Add("webhook-signature", "v1," + Convert.ToBase64String(new byte[32]));
            using var plain = new HttpClient();
            Assert.Equal(HttpStatusCode.BadRequest, (await plain.SendAsync(forged)).StatusCode);
            Assert.True(lines.TryTake(out var refused, TimeSpan.FromSeconds(10)));
            Assert.StartsWith("REFUSED", refused);
        }
        finally
        {
            python.Kill();
            await python.WaitForExitAsync();
        }
    }

    public new async Task DisposeAsync()
    {
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }
    }
}

/// <summary>The SSRF guard with the shipped settings: no allow-list, HTTPS only.</summary>
public sealed class WebhookTargetTests(ApiFactory factory) : IntegrationTest(factory)
{
    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost:8443/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("http://example.com/hook")]
    [InlineData("https://user:pass@example.com/hook")]
    public async Task AnInternalOrPlainAddress_IsRefused_NamingTheUrl(string url)
    {
        var http = Bearer(await TokenAsync(await NewApiClientAsync("events.read")));
        var response = await http.PostAsJsonAsync("/api/integrations/webhooks", new { url, eventTypes = new[] { "request.submitted" } });
        await AssertProblemAsync(response, 400);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("url", out _));
    }

    [Fact]
    public async Task AnOfficer_MayNotRegisterAWebhook_AndAClientWithoutEventsRead_NeitherMay()
    {
        var client = await NewApiClientAsync("events.read");
        var officer = await SignedInAsync(StaffRoles.Officer);
        await AssertProblemAsync(await officer.PostAsync("/api/integrations/webhooks", new { url = "https://example.com/hook", eventTypes = new[] { "request.submitted" }, clientId = client.ClientId }), 403);
        var reader = Bearer(await TokenAsync(await NewApiClientAsync("requests.read")));
        await AssertProblemAsync(await reader.PostAsJsonAsync("/api/integrations/webhooks", new { url = "https://example.com/hook", eventTypes = new[] { "request.submitted" } }), 403);
    }
}
