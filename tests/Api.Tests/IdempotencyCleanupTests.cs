using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Api.Tests;

public class IdempotencyCleanupTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task ExpiredRecords_ArePurged_AndFreshOnesKept()
    {
        await SubmitOkAsync(new SubmissionForm(), "fresh-key-0001");
        await SubmitOkAsync(new SubmissionForm(), "stale-key-0001");
        await using (var connection = await Factory.OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE idempotency_records SET created_at = @at WHERE key = 'stale-key-0001'";
            command.Parameters.AddWithValue("at", Factory.Clock.GetUtcNow().AddHours(-25));
            await command.ExecuteNonQueryAsync();
        }

        var removed = await Factory.Services.GetRequiredService<Infrastructure.Jobs.IdempotencyCleanup>().PurgeAsync(CancellationToken.None);

        Assert.Equal(1, removed);
        await using var db = Factory.NewDbContext();
        Assert.Equal(["fresh-key-0001"], await db.IdempotencyRecords.Select(r => r.Key).ToListAsync());
        Assert.Equal(2, await db.FootageRequests.CountAsync()); // the requests themselves stay
    }
}
