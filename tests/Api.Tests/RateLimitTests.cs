using System.Net;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Api.Tests;

/// <summary>The limits as shipped (appsettings and code defaults), behind a trusted proxy so each test client has an address of its own.</summary>
public sealed class ShippedLimitsFactory : BehindAProxyFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["RateLimiting:Submission:PermitLimit"] = "10",
        ["RateLimiting:SubmissionPerDocument:PermitLimit"] = "5",
        ["RateLimiting:Status:PermitLimit"] = "60",
        ["RateLimiting:StaffSignIn:PermitLimit"] = "30",
    };
}

/// <summary>Nobody can flood the office: submissions per address (IPv6 per /64) and per identity document, status calls per address; 429 with Retry-After.</summary>
public sealed class RateLimitTests(ShippedLimitsFactory factory) : IClassFixture<ShippedLimitsFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = factory.CreateClient();

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpResponseMessage> SubmitFromAsync(string address, SubmissionForm? form = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = (form ?? new SubmissionForm()).ToContent() };
        message.Headers.Add("X-Forwarded-For", address);
        return await _client.SendAsync(message);
    }

    private async Task<HttpResponseMessage> PostFromAsync(string address, string path, object body)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        message.Headers.Add("X-Forwarded-For", address);
        return await _client.SendAsync(message);
    }

    [Fact]
    public async Task ThirtyStaffSignInCallsInTenMinutesFromOneAddress_TheNextIs429_WhicheverWayIn()
    {
        for (var i = 0; i < 30; i++)
        {
            var answer = (i % 3) switch
            {
                0 => await PostFromAsync("203.0.113.40", "/api/staff/session", new { email = $"guess{i}@example.go.th", password = "a password of some length" }),
                1 => await PostFromAsync("203.0.113.40", "/api/staff/session/passkey/options", new { }),
                _ => await PostFromAsync("203.0.113.40", "/api/staff/session/passkey", new { id = "x" }),
            };
            Assert.NotEqual(HttpStatusCode.TooManyRequests, answer.StatusCode);
        }

        foreach (var (path, body) in new (string, object)[]
                 {
                     ("/api/staff/session", new { email = "one.more@example.go.th", password = "a password of some length" }),
                     ("/api/staff/session/passkey/options", new { }), ("/api/staff/session/passkey", new { id = "x" }),
                 })
        {
            var refused = await PostFromAsync("203.0.113.40", path, body);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 600);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostFromAsync("203.0.113.41", "/api/staff/session", new { email = "x@example.go.th", password = "a password of some length" })).StatusCode);
        await using var db = factory.NewDbContext();
        // Ten failed password sign-ins and ten junk passkeys from one client: one audit line until its window closes.
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "SignInFailed" && e.ClientAddress.StartsWith("203.0.113.40")));
    }

    private async Task<int> StoredAsync()
    {
        await using var db = factory.NewDbContext();
        return await db.FootageRequests.CountAsync();
    }

    [Fact]
    public async Task TenSubmissionsAnHourFromOneAddress_TheEleventhIs429_WithRetryAfter()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await SubmitFromAsync("203.0.113.7")).StatusCode);
        }

        var eleventh = await SubmitFromAsync("203.0.113.7");

        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.Equal("application/problem+json", eleventh.Content.Headers.ContentType?.MediaType);
        Assert.InRange(eleventh.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 3000, 3600);
        Assert.Equal(10, await StoredAsync());
        Assert.Equal(HttpStatusCode.Created, (await SubmitFromAsync("203.0.113.8")).StatusCode);
    }

    [Fact]
    public async Task AnIpv6Client_IsCountedByIts64Prefix()
    {
        for (var i = 1; i <= 10; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await SubmitFromAsync($"2001:db8:1:2::{i:x}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SubmitFromAsync("2001:db8:1:2:ffff:ffff:ffff:1")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SubmitFromAsync("2001:db8:1:3::1")).StatusCode);
    }

    [Fact]
    public async Task FiveAcceptedSubmissionsADayForOneNationalId_FromAnyAddresses()
    {
        var id = NationalIds.New();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await SubmitFromAsync($"198.51.100.{i + 1}", new SubmissionForm().Set("nationalId", id))).StatusCode);
        }

        var sixth = await SubmitFromAsync("198.51.100.99", new SubmissionForm().Set("nationalId", id));

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal(5, await StoredAsync());
        Assert.DoesNotContain(factory.StoredFiles(), f => f.StartsWith(Path.Combine(factory.StorageRoot, "tmp"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task StatusCalls_AreLimitedPerAddress()
    {
        HttpStatusCode last = default;
        for (var i = 0; i < 61; i++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/status/token") { Content = System.Net.Http.Json.JsonContent.Create(new { token = "not-a-real-token-but-well-formed-enough" }) };
            message.Headers.Add("X-Forwarded-For", "192.0.2.44");
            last = (await _client.SendAsync(message)).StatusCode;
            Assert.True(i == 60 || last != HttpStatusCode.TooManyRequests, $"call {i + 1} was limited");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }
}
