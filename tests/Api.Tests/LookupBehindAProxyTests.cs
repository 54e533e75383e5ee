using System.Net;
using CctvRequests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Api.Tests;

/// <summary>
/// Behind a trusted reverse proxy, each citizen's own address counts for the lookup limit. The
/// test host makes every connection come from the proxy (10.9.9.9), as a proxy's would.
/// </summary>
public class BehindAProxyFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies"] = "10.9.9.9",
    };

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, FromProxy>());
    }

    private sealed class FromProxy : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("10.9.9.9");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class BehindAProxyTests(BehindAProxyFactory factory) : IClassFixture<BehindAProxyFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<HttpStatusCode> LookupForAsync(string clientAddress)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/status/lookup")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { nationalId = NationalIds.New() }),
        };
        message.Headers.Add("X-Forwarded-For", clientAddress);
        return (await _client.SendAsync(message)).StatusCode;
    }

    [Fact]
    public async Task TheLimitCountsEachForwardedClient_NotTheProxy()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await LookupForAsync("203.0.113.1"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await LookupForAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await LookupForAsync("203.0.113.2"));
    }
}
