using System.Net;
using System.Text.Json;
using CctvRequests.Application.Notifications;
using CctvRequests.Application.Staff;
using CctvRequests.Infrastructure.Files;
using CctvRequests.Infrastructure.Jobs;
using CctvRequests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Api.Tests;

/// <summary>
/// A host whose operators' endpoints are limited to 10.9.9.0/24, its outbox dispatcher off (so a due message stays
/// due), and a test-only way to say which address a request comes from (<c>X-Test-Client</c>).
/// </summary>
public sealed class OperatorsFactory : ApiFactory
{
    public const string ClientHeader = "X-Test-Client";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Operations:Networks"] = "10.9.9.0/24",
        ["Notifications:Outbox:Enabled"] = "false",
        ["Redis:Configuration"] = Environment.GetEnvironmentVariable("CCTV_TEST_REDIS"),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextStep) =>
            {
                if (context.Request.Headers.TryGetValue(ClientHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }
                return nextStep(context);
            });
            next(app);
        };
    }
}

/// <summary>GET /healthz/ready: every check with its data, for operators only; /healthz stays the cheap three.</summary>
public sealed class ReadinessTests(OperatorsFactory factory, ProductionFactory production)
    : IClassFixture<OperatorsFactory>, IClassFixture<ProductionFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(string? from = "10.9.9.5")
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz/ready");
        if (from is not null)
        {
            request.Headers.Add(OperatorsFactory.ClientHeader, from);
        }
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.StatusCode == HttpStatusCode.NotFound ? default : JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task FromTheOperatorsNetwork_EveryCheckAnswers_WithItsData()
    {
        var (status, body) = await ReadyAsync();

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        var checks = body.GetProperty("checks");
        foreach (var name in new[] { "postgresql", "clamav", "storage", "outbox", "jobs" })
        {
            Assert.True(checks.TryGetProperty(name, out var check), name);
            Assert.False(string.IsNullOrEmpty(check.GetProperty("status").GetString()));
        }
        if (Environment.GetEnvironmentVariable("CCTV_TEST_REDIS") is { Length: > 0 })
        {
            Assert.Equal("Healthy", checks.GetProperty("redis").GetProperty("status").GetString());
        }
        Assert.Equal(0, checks.GetProperty("outbox").GetProperty("data").GetProperty("due").GetInt32());
        // Retention is off in tests, the reconciliation too: said so, not "never ran".
        Assert.Equal("off", checks.GetProperty("jobs").GetProperty("data").GetProperty(RetentionRunner.Job).GetString());

        // /healthz is still the three checks load balancers need.
        var live = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/healthz")).RootElement.GetProperty("checks");
        Assert.Equal(["clamav", "postgresql", "storage"], live.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task AMessageDueForTwentyMinutes_IsTheOutboxLag_AndDegrades()
    {
        await using (var db = factory.NewDbContext())
        {
            db.OutboxMessages.Add(OutboxMessage.Create(null, MessageChannel.Email, MessageEvent.Submitted, "th", "someone@example.test", "s", "b", null, null,
                factory.Clock.GetUtcNow().AddMinutes(-20)));
            await db.SaveChangesAsync();
        }

        var (status, body) = await ReadyAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var outbox = body.GetProperty("checks").GetProperty("outbox");
        Assert.Equal("Degraded", outbox.GetProperty("status").GetString());
        Assert.Equal(1, outbox.GetProperty("data").GetProperty("due").GetInt32());
        Assert.Equal(1200, outbox.GetProperty("data").GetProperty("oldestDueAgeSeconds").GetDouble());
    }

    [Fact]
    public async Task AJobThatRan_IsReported_WithItsAge()
    {
        await factory.Services.GetRequiredService<JobLock>().RunAloneAsync(StorageReconciler.Job, _ => Task.CompletedTask, CancellationToken.None);

        var (_, body) = await ReadyAsync();

        var run = body.GetProperty("checks").GetProperty("jobs").GetProperty("data").GetProperty(StorageReconciler.Job);
        Assert.True(run.GetProperty("ageSeconds").GetDouble() is >= 0 and < 60);
        Assert.True(run.TryGetProperty("lastSuccessAt", out _));
    }

    [Fact]
    public async Task FromElsewhere_ItIsNotThere_UnlessAnAdministratorAsks()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await ReadyAsync(from: "203.0.113.7")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadyAsync(from: null)).Status);
        var officer = await StaffClient.SignedInAsync(factory, await TestStaffAccounts.CreateAsync(factory, StaffRoles.Officer));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Http.GetAsync("/healthz/ready")).StatusCode);
        var admin = await StaffClient.SignedInAsync(factory, await TestStaffAccounts.CreateAsync(factory, StaffRoles.Admin));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/healthz/ready")).StatusCode);
    }

    [Fact]
    public async Task PrometheusMetrics_AreForTheOperatorsNetworkOnly()
    {
        var client = factory.CreateClient();
        using var inside = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { OperatorsFactory.ClientHeader, "10.9.9.5" } } };
        var response = await client.SendAsync(inside);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync());
        using var outside = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { OperatorsFactory.ClientHeader, "203.0.113.7" } } };
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(outside)).StatusCode);
    }

    [Fact]
    public async Task InProduction_WithNoNetworkConfigured_ItIsNotPublic()
    {
        var client = production.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
