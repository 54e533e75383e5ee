using System.Runtime.CompilerServices;
using CctvRequests.Application.Notifications;
using CctvRequests.Infrastructure.Notifications;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CctvRequests.Api.Tests;

/// <summary>The notifications host without its own dispatcher running, so that a test drives every batch.</summary>
public sealed class DrivenDispatcherFactory : NotificationsFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Notifications:Outbox:Enabled"] = "false",
    };
}

/// <summary>
/// Batches driven by the test against the real SMTP server: a node that dies between handing a message over and
/// marking it (ADR 0016) repeats only that message; a batch does not wait on TCP's delayed acknowledgements.
/// </summary>
public sealed class DrivenDispatcherTests(DrivenDispatcherFactory factory) : IClassFixture<DrivenDispatcherFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await factory.ResetAsync();
        factory.Smtp.Clear();
        await factory.Smtp.StartAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Passes the real sender's answers on, and dies when the n-th message has reached the server.</summary>
    private sealed class DyingSender(IMessageSender inner, int diesAt) : IMessageSender
    {
        public MessageChannel Channel => inner.Channel;

        public bool Configured => inner.Configured;

        public async IAsyncEnumerable<SendResult> SendAsync(IReadOnlyList<ClaimedMessage> batch, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var n = 0;
            await foreach (var result in inner.SendAsync(batch, cancellationToken))
            {
                if (++n == diesAt)
                {
                    throw new InvalidOperationException("the node died");
                }
                yield return result;
            }
        }
    }

    /// <summary>Messages of the size the product writes (a few KB of Thai, plain text and HTML), due now, oldest first.</summary>
    private async Task EnqueueAsync(int count)
    {
        var line = "องค์การบริหารส่วนจังหวัดลำปาง ได้รับคำร้องขอสำเนาข้อมูลภาพของท่านแล้ว เจ้าหน้าที่จะตรวจสอบและแจ้งผลให้ทราบ";
        var text = string.Join('\n', Enumerable.Repeat(line, 12));
        var html = "<p>" + string.Join("<br>", Enumerable.Repeat(line, 12)) + "</p>";
        await using var db = factory.NewDbContext();
        db.OutboxMessages.AddRange(Enumerable.Range(0, count).Select(i => OutboxMessage.Create(
            null, MessageChannel.Email, MessageEvent.Received, "th", $"citizen{i}@example.com", $"คำร้อง CCTV-2569-{i:D6}: เจ้าหน้าที่รับเรื่องแล้ว", text, html,
            "https://cctv.example.test/api/notifications/unsubscribe?t=abc", factory.Clock.GetUtcNow().AddSeconds(i - count))));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ANodeDyingMidBatch_RepeatsOnlyTheMessageInFlight_WithTheSameMessageId()
    {
        await EnqueueAsync(5);
        var smtp = factory.Services.GetServices<IMessageSender>().Single(s => s.Channel == MessageChannel.Email);
        var dying = new OutboxDispatcher(
            factory.Services.GetRequiredService<IServiceScopeFactory>(), [new DyingSender(smtp, diesAt: 3)], new OutboxSignal(),
            factory.Services.GetRequiredService<IOptions<NotificationOptions>>(), factory.Clock, NullLogger<OutboxDispatcher>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => dying.RunOnceAsync(CancellationToken.None));

        Assert.Equal(3, (await factory.Smtp.WaitForAsync(3)).Count);
        await using (var db = factory.NewDbContext())
        {
            var rows = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.NextAttemptAt).ToListAsync();
            Assert.Equal([MessageStatus.Sent, MessageStatus.Sent, MessageStatus.Queued, MessageStatus.Queued, MessageStatus.Queued], rows.Select(m => m.Status));
            Assert.All(rows.Skip(2), m => Assert.NotNull(m.LeaseUntil));
        }

        // Another node, once the dead one's lease is over.
        factory.Clock.Advance(TimeSpan.FromSeconds(factory.Services.GetRequiredService<IOptions<NotificationOptions>>().Value.Outbox.LeaseSeconds + 1));
        await factory.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);

        var delivered = await factory.Smtp.WaitForAsync(6);
        await Task.Delay(500);
        Assert.Equal(6, factory.Smtp.Messages().Count);
        var copies = delivered.GroupBy(m => m.MessageId).Select(g => g.Count()).Order().ToList();
        Assert.Equal([1, 1, 1, 1, 2], copies);
        await using (var db = factory.NewDbContext())
        {
            var rows = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.NextAttemptAt).ToListAsync();
            Assert.All(rows, m => Assert.Equal(MessageStatus.Sent, m.Status));
            Assert.Equal([1, 1, 2, 2, 2], rows.Select(m => m.Attempts));
            Assert.Equal($"{rows[2].Id:N}@cctv.example.test", delivered.GroupBy(m => m.MessageId).Single(g => g.Count() == 2).Key);
        }
    }

    /// <summary>
    /// A batch goes out whole in one run, each message marked as it is answered. (Nagle's algorithm once held each
    /// message's end until the server's delayed ACK, 20 messages a second on one connection; the rate is measured by
    /// bench/run.sh's outbox drain, not timed here, where a busy machine would make a timing fail.)
    /// </summary>
    [Fact]
    public async Task ABatch_IsSentWhole_InOneRun()
    {
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        await EnqueueAsync(1);
        await dispatcher.RunOnceAsync(CancellationToken.None);
        await EnqueueAsync(30);

        Assert.Equal(30, await dispatcher.RunOnceAsync(CancellationToken.None));

        Assert.Equal(31, (await factory.Smtp.WaitForAsync(31)).Count);
        await using var db = factory.NewDbContext();
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Status != MessageStatus.Sent));
    }
}
