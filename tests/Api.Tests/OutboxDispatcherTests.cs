using CctvRequests.Application.Notifications;
using CctvRequests.Infrastructure.Notifications;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CctvRequests.Api.Tests;

/// <summary>A host that sends e-mail to a real SMTP server (aiosmtpd) and SMS to the gateway stand-in.</summary>
public class NotificationsFactory : ApiFactory
{
    public NotificationServers Servers { get; } = new();

    public TestSmtpServer Smtp => Servers.Smtp;

    public TestSmsGateway Sms => Servers.Sms;

    protected override NotificationServers Notifications => Servers;

    /// <summary>Empty tables and mailbox, the SMTP server up, the gateway accepting: each test starts here.</summary>
    public async Task ResetWithServersAsync()
    {
        await ResetAsync();
        await Servers.ResetAsync();
    }

    /// <summary>Waits until every message of the outbox is in a final state for now (sent, failed until later, given up), or the timeout.</summary>
    public Task<List<OutboxMessage>> SettledAsync(TimeSpan? timeout = null) => NotificationServers.SettledAsync(this, timeout);
}

/// <summary>
/// The outbox's dispatcher against a real SMTP server and the SMS gateway stand-in: delivery with the message's
/// id, retries with backoff while a server is away (nothing lost), giving up after eight attempts or a final refusal.
/// </summary>
public sealed class OutboxDispatcherTests(NotificationsFactory factory) : IClassFixture<NotificationsFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetWithServersAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<OutboxMessage>> EnqueueAsync(params OutboxMessage[] messages)
    {
        await using var db = factory.NewDbContext();
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        return [.. messages];
    }

    private OutboxMessage Email(string to = "citizen@example.com", string subject = "คำร้อง CCTV-2569-000001: อนุมัติแล้ว") =>
        OutboxMessage.Create(null, MessageChannel.Email, MessageEvent.Approved, "th", to, subject, "ข้อความ\nบรรทัดที่สอง", "<p>ข้อความ</p>",
            "https://cctv.example.test/api/notifications/unsubscribe?t=abc", factory.Clock.GetUtcNow());

    private OutboxMessage Sms(string to = "081-234-5678") =>
        OutboxMessage.Create(null, MessageChannel.Sms, MessageEvent.Received, "th", to, null, "คำร้อง CCTV-2569-000001 เจ้าหน้าที่รับเรื่องแล้ว", null, null, factory.Clock.GetUtcNow());

    [Fact]
    public async Task AnEmail_IsDelivered_WithItsIdAsMessageId_PlainTextAndHtml_AndOneClickUnsubscribe()
    {
        var message = (await EnqueueAsync(Email()))[0];

        var received = Assert.Single(await factory.Smtp.WaitForAsync(1));

        Assert.Equal($"{message.Id:N}@cctv.example.test", received.MessageId);
        Assert.Equal("คำร้อง CCTV-2569-000001: อนุมัติแล้ว", received.Subject);
        Assert.Equal("citizen@example.com", received.To.Mailboxes.Single().Address);
        Assert.Equal("<https://cctv.example.test/api/notifications/unsubscribe?t=abc>", received.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("auto-generated", received.Headers["Auto-Submitted"]);
        Assert.Contains("บรรทัดที่สอง", received.TextBody);
        Assert.Equal("<p>ข้อความ</p>", received.HtmlBody?.Trim());
        var row = Assert.Single(await factory.SettledAsync());
        Assert.Equal(MessageStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.Body);
        Assert.Null(row.HtmlBody);
        Assert.NotNull(row.SentAt);
    }

    [Fact]
    public async Task WhileTheSmtpServerIsAway_MessagesFailAndWait_ThenEveryOneIsDeliveredOnce()
    {
        await factory.Smtp.StopAsync();
        var queued = await EnqueueAsync(Enumerable.Range(0, 5).Select(i => Email($"citizen{i}@example.com")).ToArray());

        var failed = await factory.SettledAsync();
        Assert.All(failed, m =>
        {
            Assert.Equal(MessageStatus.Failed, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.Contains("not reachable", m.LastError);
            Assert.InRange(m.NextAttemptAt - factory.Clock.GetUtcNow(), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));
        });

        await factory.Smtp.StartAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        factory.Services.GetRequiredService<OutboxSignal>().Set();

        var delivered = await factory.Smtp.WaitForAsync(5);
        Assert.Equal(queued.Select(m => $"{m.Id:N}@cctv.example.test").Order(), delivered.Select(m => m.MessageId).Order());
        Assert.All(await factory.SettledAsync(), m => Assert.Equal(MessageStatus.Sent, m.Status));
        await Task.Delay(1500);
        Assert.Equal(5, factory.Smtp.Messages().Count);
    }

    [Fact]
    public async Task AMessageThatKeepsFailing_IsTriedEightTimes_WithGrowingWaits_ThenGivenUp()
    {
        factory.Sms.FailWith = 503;
        var message = (await EnqueueAsync(Sms()))[0];
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= OutboxMessage.MaxAttempts; attempt++)
        {
            var row = (await factory.SettledAsync()).Single();
            Assert.Equal(attempt, row.Attempts);
            if (attempt < OutboxMessage.MaxAttempts)
            {
                Assert.Equal(MessageStatus.Failed, row.Status);
                waits.Add(row.NextAttemptAt - factory.Clock.GetUtcNow());
                factory.Clock.Advance(row.NextAttemptAt - factory.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
                await dispatcher.RunOnceAsync(CancellationToken.None);
            }
            else
            {
                Assert.Equal(MessageStatus.GivenUp, row.Status);
                Assert.Contains("gateway 503", row.LastError);
            }
        }
        Assert.Equal([1, 3, 9, 27, 81, 243, 360], waits.Select(w => (int)Math.Round(w.TotalMinutes)));
        Assert.Empty(factory.Sms.Received);
        Assert.Empty(factory.Sms.Violations);
        Assert.Equal(message.Id, (await factory.SettledAsync()).Single().Id);
    }

    [Fact]
    public async Task AnSms_ReachesTheGateway_AsItWantsIt()
    {
        var message = (await EnqueueAsync(Sms()))[0];

        var row = Assert.Single(await factory.SettledAsync());

        Assert.Equal(MessageStatus.Sent, row.Status);
        Assert.Empty(factory.Sms.Violations);
        var sms = Assert.Single(factory.Sms.Received);
        Assert.Equal("66812345678", sms.To);
        Assert.Equal("คำร้อง CCTV-2569-000001 เจ้าหน้าที่รับเรื่องแล้ว", sms.Message);
        Assert.Equal(message.Id.ToString("N"), sms.Reference);
    }

    [Fact]
    public async Task AMessageTheServerRefusesForGood_IsGivenUpAtOnce()
    {
        await EnqueueAsync(Sms("02-123-4567"));

        var row = Assert.Single(await factory.SettledAsync());

        Assert.Equal(MessageStatus.GivenUp, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Equal("not a Thai mobile number", row.LastError);
    }
}
