using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace CctvRequests.Api.Tests;

/// <summary>The event feed (ADR 0018): every change is an event without personal data, and a reader never misses one.</summary>
public class EventFeedTests(ApiFactory factory, ITestOutputHelper output) : IntegrationTest(factory)
{
    [Fact]
    public async Task ChangesToARequest_AreEvents_WithTheReferenceAndNoPersonalData()
    {
        var form = new SubmissionForm();
        var reference = await FileAsync(form);
        var officer = await SignedInAsync(StaffRoles.Officer);
        var (_, etag) = await DetailAsync(officer, reference);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/staff/requests/{reference}/receive", null, etag)).StatusCode);

        var http = Bearer(await TokenAsync(await NewApiClientAsync("events.read")));
        var page = await JsonAsync(await http.GetAsync("/api/integrations/events"));
        var events = page.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["request.submitted", "request.received"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.All(events, e => Assert.Equal(reference, e.GetProperty("referenceNumber").GetString()));
        Assert.Equal("Received", events[1].GetProperty("status").GetString());
        var raw = page.GetRawText();
        Assert.DoesNotContain(form.NationalId, raw);
        Assert.DoesNotContain(form.Fields["firstName"], raw);
        Assert.False(page.GetProperty("hasMore").GetBoolean());

        // From the last cursor: nothing new, the same cursor back.
        var next = page.GetProperty("next").GetString()!;
        var again = await JsonAsync(await http.GetAsync($"/api/integrations/events?after={next}"));
        Assert.Empty(again.GetProperty("events").EnumerateArray());
        Assert.Equal(next, again.GetProperty("next").GetString());

        await AssertProblemAsync(await http.GetAsync("/api/integrations/events?after=not-a-cursor"), 400);
        await AssertProblemAsync(await http.GetAsync("/api/integrations/events?limit=0"), 400);
        // A token without events.read may not read the feed.
        await AssertProblemAsync(await Bearer(await TokenAsync(await NewApiClientAsync("requests.read"))).GetAsync("/api/integrations/events"), 403);
    }

    [Fact]
    public async Task AReaderPollingWhileWritersCommitOutOfOrder_SeesEveryEventOnce()
    {
        const int writers = 8;
        const int total = 10_000;
        var http = Bearer(await TokenAsync(await NewApiClientAsync("events.read")));
        http.Timeout = TimeSpan.FromMinutes(2);
        var written = new ConcurrentBag<Guid>();
        var next = 0;

        async Task WriteAsync(int seed)
        {
            var random = new Random(seed);
            await using var connection = await Factory.OpenAsync();
            while (true)
            {
                var batch = random.Next(1, 6);
                var first = Interlocked.Add(ref next, batch) - batch;
                if (first >= total)
                {
                    return;
                }
                batch = Math.Min(batch, total - first);
                await using var transaction = await connection.BeginTransactionAsync();
                for (var i = 0; i < batch; i++)
                {
                    var id = Guid.NewGuid();
                    await using var insert = new NpgsqlCommand(
                        "INSERT INTO integration_events (id, type, occurred_at, reference_number, status, data) VALUES (@id, 'request.received', now(), 'CCTV-2569-000001', 'Received', '{}')",
                        connection, transaction);
                    insert.Parameters.AddWithValue("id", id);
                    await insert.ExecuteNonQueryAsync();
                    written.Add(id);
                }
                // Holding the transaction open a while makes later positions commit before earlier ones.
                if (random.Next(4) == 0)
                {
                    await Task.Delay(random.Next(1, 15));
                }
                await transaction.CommitAsync();
            }
        }

        var seen = new List<Guid>(total);
        var late = 0;
        var polls = 0;
        async Task ReadAsync()
        {
            var cursor = string.Empty;
            var highest = -1L;
            var deadline = DateTime.UtcNow.AddMinutes(4);
            while (seen.Count < total && DateTime.UtcNow < deadline)
            {
                var page = await JsonAsync(await http.GetAsync($"/api/integrations/events?limit=500{(cursor.Length > 0 ? "&after=" + cursor : string.Empty)}"));
                polls++;
                var events = page.GetProperty("events").EnumerateArray().ToList();
                foreach (var e in events)
                {
                    seen.Add(e.GetProperty("id").GetGuid());
                }
                cursor = page.GetProperty("next").GetString()!;
                if (events.Count == 0)
                {
                    await Task.Delay(5);
                }
            }
            _ = highest;
        }

        var reading = ReadAsync();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() => WriteAsync(w))));
        await reading;

        // How often a transaction committed an event numbered below one already committed: the case a feed by number would skip.
        await using (var connection = await Factory.OpenAsync())
        {
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM (SELECT position, max(position) OVER (ORDER BY transaction_id, position ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before FROM integration_events) x WHERE position < before",
                connection);
            late = Convert.ToInt32(await count.ExecuteScalarAsync());
        }
        var duplicates = seen.Count - seen.Distinct().Count();
        var missing = written.Except(seen).Count();
        output.WriteLine($"event feed: {writers} writers wrote {written.Count} events; the reader polled {polls} times and saw {seen.Count} ({seen.Distinct().Count()} distinct); missing {missing}, duplicates {duplicates}; events committed after a higher number: {late}");
        Assert.Equal(total, written.Count);
        Assert.Equal(0, missing);
        Assert.Equal(0, duplicates);
        Assert.Equal(total, seen.Count);
        Assert.True(late > 0, "the writers never committed out of order: the test proved nothing");
    }
}
