using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Api.Tests;

/// <summary>API clients (ADR 0018): made by administrators, tokens by client credentials, reads by scope, revoked at once.</summary>
public class ApiClientTests(ApiFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task AnAdministrator_CreatesAClient_WhoseSecretIsShownOnce_AndStoredOnlyAsAHash()
    {
        var client = await NewApiClientAsync("requests.read", "events.read");
        Assert.StartsWith("cctv-", client.ClientId);
        Assert.True(client.Secret.Length >= 50);

        var admin = await SignedInAsync(StaffRoles.Admin);
        var list = await JsonAsync(await admin.GetAsync("/api/staff/api-clients"));
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal(client.ClientId, listed.GetProperty("clientId").GetString());
        Assert.Equal(["events.read", "requests.read"], listed.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain(client.Secret, list.GetRawText());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);

        await using var db = Factory.NewDbContext();
        var stored = await db.ApiClients.AsNoTracking().SingleAsync();
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(client.Secret)), Assert.Single(stored.Secrets).Hash);

        // Officers may not; a client's own token may not either.
        var officer = await SignedInAsync(StaffRoles.Officer);
        await AssertProblemAsync(await officer.GetAsync("/api/staff/api-clients"), 403);
        await AssertProblemAsync(await Bearer(await TokenAsync(client)).GetAsync("/api/staff/api-clients"), 401);
    }

    [Fact]
    public async Task ABadClient_IsRefused_NamingEachField_InThaiAndEnglish()
    {
        var admin = await SignedInAsync(StaffRoles.Admin);
        var form = new { name = "", ownerContact = "", scopes = new[] { "requests.approve" }, expiresOn = SubmissionForm.Iso(TestClock.Today.AddYears(2)) };
        foreach (var (language, word) in new[] { ("th", "วันหมดอายุ"), ("en", "expiry") })
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/staff/api-clients") { Content = System.Net.Http.Json.JsonContent.Create(form) };
            message.Headers.Add(StaffClient.CsrfHeader, admin.CsrfToken);
            message.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
            var response = await admin.Http.SendAsync(message);
            await AssertProblemAsync(response, 400);
            var errors = (await JsonAsync(response)).GetProperty("errors");
            Assert.Equal(["expiresOn", "name", "ownerContact", "scopes"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
            Assert.Contains(word, errors.GetProperty("expiresOn")[0].GetString());
        }
        await AssertProblemAsync(await admin.PostAsync("/api/staff/api-clients", new { name = "x", ownerContact = "y", scopes = new[] { "events.read" }, expiresOn = "2026-13-01" }, csrf: false), 403);
    }

    [Fact]
    public async Task TheTokenEndpoint_FollowsRfc6749()
    {
        var client = await NewApiClientAsync("requests.read", "events.read");

        var ok = await RequestTokenAsync(client);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("no-store", ok.Headers.CacheControl?.ToString());
        var token = await JsonAsync(ok);
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.Equal(900, token.GetProperty("expires_in").GetInt32());
        Assert.Equal("events.read requests.read", token.GetProperty("scope").GetString());

        // HTTP Basic (RFC 6749 §2.3.1) and a subset of the scopes.
        using (var basic = new HttpRequestMessage(HttpMethod.Post, "/connect/token"))
        {
            basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.ClientId}:{client.Secret}")));
            basic.Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("scope", "events.read")]);
            var answer = await Client.SendAsync(basic);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("events.read", (await JsonAsync(answer)).GetProperty("scope").GetString());
        }
        using (var wrongBasic = new HttpRequestMessage(HttpMethod.Post, "/connect/token"))
        {
            wrongBasic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.ClientId}:wrong")));
            wrongBasic.Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]);
            var answer = await Client.SendAsync(wrongBasic);
            await AssertOAuthErrorAsync(answer, 401, "invalid_client");
            Assert.StartsWith("Basic", answer.Headers.WwwAuthenticate.ToString());
        }

        await AssertOAuthErrorAsync(await RequestTokenAsync(client, secret: client.Secret + "x"), 400, "invalid_client");
        await AssertOAuthErrorAsync(await RequestTokenAsync(Client, "cctv-nobody", client.Secret), 400, "invalid_client");
        await AssertOAuthErrorAsync(await RequestTokenAsync(client, scope: "requests.files"), 400, "invalid_scope");
        await AssertOAuthErrorAsync(await Client.PostAsync("/connect/token", new FormUrlEncodedContent(
            [new("grant_type", "password"), new("client_id", client.ClientId), new("client_secret", client.Secret)])), 400, "unsupported_grant_type");
        await AssertOAuthErrorAsync(await Client.PostAsync("/connect/token", new FormUrlEncodedContent(
            [new("client_id", client.ClientId), new("client_secret", client.Secret)])), 400, "invalid_request");
        await AssertOAuthErrorAsync(await Client.PostAsync("/connect/token", new FormUrlEncodedContent(
            [new("grant_type", "client_credentials"), new("grant_type", "client_credentials"), new("client_id", client.ClientId), new("client_secret", client.Secret)])), 400, "invalid_request");
        await AssertOAuthErrorAsync(await Client.PostAsync("/connect/token", System.Net.Http.Json.JsonContent.Create(new { grant_type = "client_credentials" })), 400, "invalid_request");

        // Tokens are stored as their SHA-256 only.
        await using var db = Factory.NewDbContext();
        var access = token.GetProperty("access_token").GetString()!;
        Assert.True(await db.ApiTokens.AnyAsync(t => t.Hash == System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(access))));
    }

    [Fact]
    public async Task AClient_ReadsTheQueueAndARequest_ByScope_NeverDecides_AndIsAuditedUnderItsName()
    {
        var form = new SubmissionForm();
        var reference = await FileAsync(form);
        var reader = await NewApiClientAsync("requests.read");
        var http = Bearer(await TokenAsync(reader));

        var queue = await http.GetAsync("/api/staff/requests");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains(reference, await queue.Content.ReadAsStringAsync());
        var detail = await JsonAsync(await http.GetAsync($"/api/staff/requests/{reference}"));
        Assert.Equal(form.NationalId, detail.GetProperty("applicant").GetProperty("nationalId").GetString()!.Replace("-", string.Empty));
        Assert.Empty(detail.GetProperty("allowedActions").EnumerateArray());

        // Files need requests.files; statistics need statistics.read: 403 with insufficient_scope.
        var attachmentId = detail.GetProperty("attachments")[0].GetProperty("id").GetString();
        var files = await http.GetAsync($"/api/staff/requests/{reference}/attachments/{attachmentId}");
        await AssertProblemAsync(files, 403);
        Assert.Contains("insufficient_scope", files.Headers.WwwAuthenticate.ToString());
        await AssertProblemAsync(await http.GetAsync("/api/staff/statistics"), 403);
        // Nothing that decides: the decisions take a staff session only.
        await AssertProblemAsync(await http.PostAsync($"/api/staff/requests/{reference}/receive", null), 401);
        await AssertProblemAsync(await http.PostAsync($"/api/staff/requests/{reference}/notes", System.Net.Http.Json.JsonContent.Create(new { text = "x" })), 401);

        var withFiles = await NewApiClientAsync("requests.files", "statistics.read");
        var filesHttp = Bearer(await TokenAsync(withFiles));
        Assert.Equal(HttpStatusCode.OK, (await filesHttp.GetAsync($"/api/staff/requests/{reference}/attachments/{attachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await filesHttp.GetAsync("/api/staff/statistics")).StatusCode);
        await AssertProblemAsync(await filesHttp.GetAsync($"/api/staff/requests/{reference}"), 403);

        await using var db = Factory.NewDbContext();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.UserName != null && e.UserName.StartsWith("client:")).ToListAsync();
        Assert.Contains(entries, e => e.Action == "ViewRequest" && e.ReferenceNumber == reference && e.UserName == "client:" + reader.Name && e.UserId == null);
        Assert.Contains(entries, e => e.Action == "OpenAttachment" && e.UserName == "client:" + withFiles.Name);
        Assert.Contains(entries, e => e.Action == "ViewStatistics" && e.UserName == "client:" + withFiles.Name);
        Assert.DoesNotContain(entries, e => (e.Details ?? string.Empty).Contains(form.NationalId));
        Assert.NotNull((await db.ApiClients.AsNoTracking().SingleAsync(c => c.ClientId == reader.ClientId)).LastUsedAt);
    }

    [Fact]
    public async Task AToken_Expires_AndARevokedClient_IsRefusedAtOnce_WhileARotatedSecret_OverlapsThenStops()
    {
        var client = await NewApiClientAsync("events.read");
        var token = await TokenAsync(client);
        var http = Bearer(token);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/integrations/events")).StatusCode);

        Factory.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var expired = await http.GetAsync("/api/integrations/events");
        await AssertProblemAsync(expired, 401);
        Assert.Contains("invalid_token", expired.Headers.WwwAuthenticate.ToString());
        // An hour after it expired, the hourly job deletes its row.
        Factory.Clock.Advance(TimeSpan.FromHours(1));
        await Factory.Services.GetRequiredService<Infrastructure.Jobs.IdempotencyCleanup>().PurgeAsync(CancellationToken.None);
        await using (var db = Factory.NewDbContext())
        {
            Assert.False(await db.ApiTokens.AnyAsync(t => t.Hash == System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(token))));
        }

        var admin = await SignedInAsync(StaffRoles.Admin);
        var rotated = await JsonAsync(await admin.PostAsync($"/api/staff/api-clients/{client.ClientId}/rotate-secret", new { overlapHours = 2 }));
        var newSecret = rotated.GetProperty("clientSecret").GetString()!;
        Assert.NotEqual(client.Secret, newSecret);
        Assert.Equal(HttpStatusCode.OK, (await RequestTokenAsync(client)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RequestTokenAsync(client, secret: newSecret)).StatusCode);
        Factory.Clock.Advance(TimeSpan.FromHours(2));
        await AssertOAuthErrorAsync(await RequestTokenAsync(client), 400, "invalid_client");
        var fresh = Bearer(await TokenAsync(client with { Secret = newSecret }));
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/integrations/events")).StatusCode);

        // (Two hours on, the administrator's session has ended too.)
        admin = await SignedInAsync(StaffRoles.Admin);
        Assert.NotEqual(JsonValueKind.Null, (await JsonAsync(await admin.PostAsync($"/api/staff/api-clients/{client.ClientId}/revoke"))).GetProperty("revokedAt").ValueKind);
        await AssertProblemAsync(await fresh.GetAsync("/api/integrations/events"), 401);
        await AssertOAuthErrorAsync(await RequestTokenAsync(client with { Secret = newSecret }), 400, "invalid_client");
        await AssertProblemAsync(await admin.PostAsync("/api/staff/api-clients/cctv-nobody/revoke"), 404);
    }

    /// <summary>
    /// Many token requests at once all get a token of their own, each usable. (How many per second the server issues
    /// is measured by bench/run.sh, "token issuance": a timed test of it belongs there, not here.)
    /// </summary>
    [Fact]
    public async Task TokenRequestsAtOnce_EachGetATokenOfItsOwn()
    {
        var client = await NewApiClientAsync("events.read");
        var tokens = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForAsync(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            using var response = await RequestTokenAsync(client);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            tokens.Add(JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!);
        });

        Assert.Equal(200, tokens.Distinct().Count());
        foreach (var token in tokens.Take(3))
        {
            Assert.Equal(HttpStatusCode.OK, (await Bearer(token).GetAsync("/api/integrations/events")).StatusCode);
        }
    }

    /// <summary>
    /// What keeps a client's read about as cheap as an officer's: one indexed lookup of its token per call, and the
    /// "last used" time written at most once a minute, not on every call. (The time itself is measured by bench/run.sh,
    /// "staff request detail" with the cookie and with a client's token: a timed test failed on a busy machine.)
    /// </summary>
    [Fact]
    public async Task AClientsReads_WriteItsLastUse_AtMostOnceAMinute()
    {
        var reference = await FileAsync();
        var registered = await NewApiClientAsync("requests.read");
        var client = Bearer(await TokenAsync(registered));
        var path = $"/api/staff/requests/{reference}";
        async Task<DateTimeOffset?> LastUsedAsync()
        {
            await using var db = Factory.NewDbContext();
            return (await db.ApiClients.AsNoTracking().SingleAsync(c => c.ClientId == registered.ClientId)).LastUsedAt;
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        var first = await LastUsedAsync();
        Assert.NotNull(first);
        for (var i = 0; i < 30; i++)
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(first, await LastUsedAsync());
    }

    private static async Task AssertOAuthErrorAsync(HttpResponseMessage response, int status, string error)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(error, json.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error_description").GetString()));
    }
}
