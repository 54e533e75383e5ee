using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace CctvRequests.TestSupport;

/// <summary>
/// A staff member's browser, as far as the API can tell: a cookie jar on https://localhost (a
/// <c>__Host-</c> cookie is only sent back over HTTPS by .NET's cookie container) and the session's
/// anti-forgery token sent with every change.
/// </summary>
public sealed class StaffClient
{
    public const string CsrfHeader = "X-CSRF-TOKEN";

    private StaffClient(HttpClient http, CookieContainer cookies)
    {
        Http = http;
        Cookies = cookies;
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public string? CsrfToken { get; set; }

    public static StaffClient For(ApiFactory factory)
    {
        var cookies = new CookieContainer();
        return new(factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>Another browser holding a copy of this one's cookies and token, as someone who copied them would.</summary>
    public StaffClient Copy(ApiFactory factory)
    {
        var copy = For(factory);
        copy.Cookies.Add(Cookies.GetAllCookies());
        copy.CsrfToken = CsrfToken;
        return copy;
    }

    /// <summary>Signs in (with the authenticator's code when the account has one) and keeps the token.</summary>
    public static async Task<StaffClient> SignedInAsync(ApiFactory factory, TestStaff staff)
    {
        var client = For(factory);
        var response = await client.SignInAsync(staff.Email, staff.Password, staff.TotpKey is null ? null : staff.Code());
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Sign-in as {staff.Role} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string? code = null)
    {
        var response = await Http.PostAsJsonAsync("/api/staff/session", new { email, password, code });
        if (response.IsSuccessStatusCode)
        {
            CsrfToken = (await ReadAsync(response)).GetProperty("csrfToken").GetString();
        }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null, string? ifMatch = null, bool csrf = true) =>
        SendAsync(HttpMethod.Post, path, body, ifMatch, csrf);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? ifMatch = null, bool csrf = true)
    {
        using var message = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            message.Content = JsonContent.Create(body);
        }
        if (csrf && CsrfToken is not null)
        {
            message.Headers.Add(CsrfHeader, CsrfToken);
        }
        if (ifMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await Http.SendAsync(message);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
