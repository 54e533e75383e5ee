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
/// A node that dies between handing a message to the SMTP server and marking it (ADR 0016): the messages it sent
/// before are marked already, and only the one in flight goes again, with the same Message-ID.
/// </summary>
public sealed class OutboxCrashTests(DrivenDispatcherFactory factory) : IClassFixture<DrivenDispatcherFactory>, IAsyncLifetime
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

    [Fact]
    public async Task ANodeDyingMidBatch_RepeatsOnlyTheMessageInFlight_WithTheSameMessageId()
    {
        await using (var db = factory.NewDbContext())
        {
            db.OutboxMessages.AddRange(Enumerable.Range(0, 5).Select(i => OutboxMessage.Create(
                null, MessageChannel.Email, MessageEvent.Received, "en", $"citizen{i}@example.com", $"Request CCTV-2569-00000{i}: Received", "text", null, null,
                factory.Clock.GetUtcNow().AddSeconds(i - 5))));
            await db.SaveChangesAsync();
        }
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
}
