using System.Collections.Concurrent;
using CctvRequests.TestSupport;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CctvRequests.Api.Tests;

/// <summary>A host of its own for the volume of bad calls (the lookup limit is raised so that every call reaches validation).</summary>
public sealed class HostileInputFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimiting:Lookup:PermitLimit"] = "1000000" };
}

/// <summary>
/// Hostile input at volume, generated (CsCheck): 600 bad submissions, 300 bad lookups, 200 bad
/// status tokens. Every one must get a 4xx problem answer naming what is wrong; none a 500 or a
/// 503; none may leave a row or a file. A failure prints the case and CsCheck's seed to replay it.
/// </summary>
public sealed class HostileInputTests(HostileInputFactory factory, ITestOutputHelper output) : IClassFixture<HostileInputFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = Client(factory);

    private static HttpClient Client(HostileInputFactory factory)
    {
        var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(15);
        return client;
    }

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task RunAsync(Gen<HostileCase> cases, int count, int[] allowed)
    {
        var seen = new ConcurrentDictionary<int, int>();
        var slowest = new ConcurrentBag<(double Ms, string Case)>();
        var wrong = new ConcurrentBag<string>();
        await cases.SampleAsync(async c =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var request = c.Build();
            HttpResponseMessage response;
            try
            {
                response = await _client.SendAsync(request);
            }
            catch (Exception ex)
            {
                wrong.Add($"{c.Description}: no answer ({ex.GetType().Name}) after {watch.Elapsed.TotalSeconds:F0} s");
                return;
            }
            using var answer = response;
            var status = (int)response.StatusCode;
            seen.AddOrUpdate(status, 1, (_, n) => n + 1);
            var body = await response.Content.ReadAsStringAsync();
            // Collected rather than thrown: every wrong answer is reported at once, without shrinking.
            if (!allowed.Contains(status) || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                wrong.Add($"{c.Description}: {status} {response.Content.Headers.ContentType?.MediaType} {body[..Math.Min(body.Length, 300)]}");
            }
            slowest.Add((watch.Elapsed.TotalMilliseconds, c.Description));
        }, iter: count, threads: 1);
        Assert.True(wrong.IsEmpty, $"{wrong.Count} of {count} wrong:\n" + string.Join("\n", wrong.Take(20)));
        output.WriteLine($"{count} cases: " + string.Join(", ", seen.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}")));
        output.WriteLine($"total {slowest.Sum(s => s.Ms) / 1000:F1} s; slowest: " + string.Join("; ", slowest.OrderByDescending(s => s.Ms).Take(3).Select(s => $"{s.Ms:F0} ms {s.Case}")));
        Assert.Equal(count, seen.Values.Sum());
    }

    private Task AssertNothingStoredAsync() => factory.AssertNothingStoredAsync();

    [Fact]
    public async Task SixHundredBadSubmissions_AllGetA4xx_AndNothingIsStored()
    {
        _ = TestClamav.Required; // the EICAR cases need the scanner
        await RunAsync(HostileInputs.Submissions, 600, [400, 413, 415, 422]);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ThreeHundredBadLookups_AllGetA4xxOrAnEmptyAnswer()
    {
        await RunAsync(HostileInputs.Lookups, 300, [400, 415]);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task TwoHundredBadTokens_AllGet400Or404()
    {
        await RunAsync(HostileInputs.Tokens, 200, [400, 404, 415]);
    }
}
