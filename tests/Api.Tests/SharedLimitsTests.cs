using System.Net;
using System.Net.Http.Json;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Infrastructure.RateLimiting;
using CctvRequests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CctvRequests.Api.Tests;

/// <summary>The Redis that test.sh starts (CCTV_TEST_REDIS), and a key prefix of this run's own.</summary>
public static class TestRedis
{
    public static string Configuration => Environment.GetEnvironmentVariable("CCTV_TEST_REDIS") is { Length: > 0 } redis
        ? redis
        : throw new InvalidOperationException("Set CCTV_TEST_REDIS to a Redis (host:port); ./test.sh starts one.");

    public static readonly string Prefix = "cctv-test-" + Guid.NewGuid().ToString("N");
}

/// <summary>A node configured with Redis, as every node of a scaled-out deployment is.</summary>
public sealed class RedisNodeFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Redis:Configuration"] = TestRedis.Configuration,
        ["Redis:KeyPrefix"] = TestRedis.Prefix,
    };
}

/// <summary>With Redis configured, the limits are one limit however many nodes count against it.</summary>
public sealed class SharedLimitsTests(RedisNodeFactory node) : IClassFixture<RedisNodeFactory>
{
    [Fact]
    public async Task TwoNodes_CountAgainstOneLimit()
    {
        await using var redisA = await ConnectionMultiplexer.ConnectAsync(TestRedis.Configuration);
        await using var redisB = await ConnectionMultiplexer.ConnectAsync(TestRedis.Configuration);
        var limits = node.Services.GetRequiredService<IOptionsMonitor<ThrottleOptions>>();
        var nodeA = new RedisThrottle(redisA, limits, TestRedis.Prefix);
        var nodeB = new RedisThrottle(redisB, limits, TestRedis.Prefix);
        var document = IdentityDocument.Of(NationalId.Parse(NationalIds.New()));
        Assert.Equal(5, limits.CurrentValue.For(ThrottlePolicy.Lookup).PermitLimit);

        for (var i = 0; i < 5; i++)
        {
            await (i % 2 == 0 ? nodeA : nodeB).ForDocumentAsync(ThrottlePolicy.Lookup, document);
        }

        var refused = await Assert.ThrowsAsync<TooManyRequestsException>(async () => await nodeA.ForDocumentAsync(ThrottlePolicy.Lookup, document));
        Assert.True(refused.RetryAfter > TimeSpan.Zero);
        await Assert.ThrowsAsync<TooManyRequestsException>(async () => await nodeB.ForDocumentAsync(ThrottlePolicy.Lookup, document));
        // Another person's limit is untouched.
        await nodeB.ForDocumentAsync(ThrottlePolicy.Lookup, IdentityDocument.Of(NationalId.Parse(NationalIds.New())));
    }

    [Fact]
    public async Task ANodeWithRedis_RefusesTheSixthLookup_WithA429()
    {
        Assert.IsType<RedisThrottle>(node.Services.GetRequiredService<IThrottle>());
        var client = node.CreateClient();
        var nationalId = NationalIds.New();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/status/lookup", new { nationalId })).StatusCode);
        }

        var sixth = await client.PostAsJsonAsync("/api/status/lookup", new { nationalId });

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.NotNull(sixth.Headers.RetryAfter);
    }
}

/// <summary>A node whose Redis does not answer.</summary>
public sealed class RedisAwayFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // A port nothing listens on; abortConnect=false lets the node start, as it would if Redis went away later.
        ["Redis:Configuration"] = "127.0.0.1:1,abortConnect=false,connectTimeout=500,syncTimeout=500,asyncTimeout=500",
    };
}

/// <summary>Without its Redis, a node answers 503 problem+json to what it cannot count, never a 500, and saves nothing.</summary>
public sealed class SharedLimitsUnavailableTests(RedisAwayFactory node) : IClassFixture<RedisAwayFactory>
{
    [Fact]
    public async Task ALookup_Answers503_WhenRedisIsAway()
    {
        var response = await node.CreateClient().PostAsJsonAsync("/api/status/lookup", new { nationalId = NationalIds.New() });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
