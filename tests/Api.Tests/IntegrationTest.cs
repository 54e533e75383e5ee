using System.Net.Http.Headers;
using System.Text.Json;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>What the integrator tests share: an API client made by an administrator, and tokens for it.</summary>
public abstract class IntegrationTest(ApiFactory factory) : StaffApiTest(factory)
{
    protected sealed record TestApiClient(string ClientId, string Secret, string Name);

    protected async Task<TestApiClient> NewApiClientAsync(params string[] scopes)
    {
        var admin = await SignedInAsync(StaffRoles.Admin);
        var name = "ระบบทดสอบ " + Guid.NewGuid().ToString("N")[..6];
        var response = await admin.PostAsync("/api/staff/api-clients", new
        {
            name, ownerContact = "integrations@example.go.th", scopes, expiresOn = SubmissionForm.Iso(TestClock.Today.AddDays(90)),
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body);
        var json = JsonDocument.Parse(body).RootElement;
        return new(json.GetProperty("clientId").GetString()!, json.GetProperty("clientSecret").GetString()!, name);
    }

    protected Task<HttpResponseMessage> RequestTokenAsync(TestApiClient client, string? scope = null, string? secret = null) =>
        RequestTokenAsync(Client, client.ClientId, secret ?? client.Secret, scope);

    protected static Task<HttpResponseMessage> RequestTokenAsync(HttpClient http, string clientId, string secret, string? scope = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret) };
        if (scope is not null)
        {
            fields.Add(new("scope", scope));
        }
        return http.PostAsync("/connect/token", new FormUrlEncodedContent(fields));
    }

    protected async Task<string> TokenAsync(TestApiClient client, string? scope = null)
    {
        var response = await RequestTokenAsync(client, scope);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>An HTTP client that sends the token as a Bearer, and nothing else (no cookie).</summary>
    protected HttpClient Bearer(string token)
    {
        var http = Factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
