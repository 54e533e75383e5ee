using CctvRequests.Infrastructure.Jobs;
using CctvRequests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CctvRequests.Api.Tests;

/// <summary>Periodic jobs run on one node at a time: the PostgreSQL advisory lock named after the job.</summary>
public class JobLockTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task AJobHeldByAnotherNode_IsSkipped_AndRunsOnceItIsFree()
    {
        var jobs = Factory.Services.GetRequiredService<JobLock>();
        var runs = 0;
        // Another node: a connection of its own (not pooled, so closing it ends its session and its lock).
        await using (var otherNode = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Factory.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await otherNode.OpenAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({JobLock.KeyOf("retention")})", otherNode))
            {
                await take.ExecuteScalarAsync();
            }

            Assert.False(await jobs.RunAloneAsync("retention", _ => Task.FromResult(runs++), CancellationToken.None));
            // Another job's lock is another key.
            Assert.True(await jobs.RunAloneAsync("idempotency-purge", _ => Task.CompletedTask, CancellationToken.None));
        }

        // The other node's connection is gone, and its lock with it.
        Assert.True(await jobs.RunAloneAsync("retention", _ => Task.FromResult(runs++), CancellationToken.None));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task TwoRunsAtOnce_OnlyOneWorks()
    {
        var jobs = Factory.Services.GetRequiredService<JobLock>();
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var first = jobs.RunAloneAsync("storage-reconcile", async _ =>
        {
            inside.SetResult();
            await release.Task;
        }, CancellationToken.None);
        await inside.Task;

        var second = await jobs.RunAloneAsync("storage-reconcile", _ => throw new InvalidOperationException("must not run"), CancellationToken.None);
        release.SetResult();

        Assert.False(second);
        Assert.True(await first);
    }
}
