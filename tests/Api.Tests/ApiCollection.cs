using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Api.Tests;

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}

/// <summary>Each test starts from empty request tables, empty storage and fresh lookup limits.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(ApiFactory factory) : IAsyncLifetime
{
    protected ApiFactory Factory { get; } = factory;
    protected HttpClient Client { get; } = factory.CreateClient();

    public Task InitializeAsync() => Factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected async Task<HttpResponseMessage> SubmitAsync(SubmissionForm form, string? idempotencyKey = null, string? language = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = form.ToContent() };
        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        if (language is not null)
        {
            message.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }
        return await Client.SendAsync(message);
    }

    protected async Task<JsonElement> SubmitOkAsync(SubmissionForm form, string? idempotencyKey = null)
    {
        var response = await SubmitAsync(form, idempotencyKey);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    protected Task<HttpResponseMessage> PostJsonAsync(string path, object body, string? language = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (language is not null)
        {
            message.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }
        return Client.SendAsync(message);
    }

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The token in a status URL's fragment (<c>#t=...</c>).</summary>
    protected static string TokenOf(string statusUrl) => statusUrl[(statusUrl.IndexOf("#t=", StringComparison.Ordinal) + 3)..];

    /// <summary>A refused submission left nothing (<see cref="NothingStored"/>).</summary>
    protected Task AssertNothingStoredAsync() => Factory.AssertNothingStoredAsync();

    protected static async Task AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await JsonAsync(response);
        Assert.Equal(status, body.GetProperty("status").GetInt32());
    }
}
