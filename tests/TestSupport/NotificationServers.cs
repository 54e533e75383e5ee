using System.Globalization;
using CctvRequests.Application.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.TestSupport;

/// <summary>
/// Where a test host's notifications go: a real SMTP server (aiosmtpd) and the SMS gateway stand-in, with the
/// settings that point the API at both, for the API tests and the browser tests alike.
/// </summary>
public sealed class NotificationServers : IAsyncDisposable
{
    public TestSmtpServer Smtp { get; } = new();

    public TestSmsGateway Sms { get; private set; } = null!;

    /// <summary>Both channels configured, and a dispatcher that looks for due messages every second.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(Sms.Settings)
    {
        ["Notifications:Email:Host"] = "127.0.0.1",
        ["Notifications:Email:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Notifications:Email:UseTls"] = "false",
        ["Notifications:Email:From"] = "CCTV Requests <cctv@example.go.th>",
        ["Notifications:Outbox:PollSeconds"] = "1",
    };

    /// <summary>Starts both; before the host, which reads <see cref="Settings"/>.</summary>
    public async Task StartAsync()
    {
        await Smtp.StartAsync();
        Sms = await TestSmsGateway.StartAsync();
    }

    /// <summary>Between tests: an empty mailbox, a running SMTP server, a gateway that accepts again.</summary>
    public async Task ResetAsync()
    {
        Smtp.Clear();
        await Smtp.StartAsync();
        Sms.FailWith = null;
        Sms.Received.Clear();
    }

    /// <summary>Waits until every message of the host's outbox is in a final state for now (sent, failed until later, given up), or the timeout.</summary>
    public static async Task<List<OutboxMessage>> SettledAsync(ApiFactory factory, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            await using var db = factory.NewDbContext();
            var all = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync();
            if (all.All(m => m.Status != MessageStatus.Queued && m.LeaseUntil is null) || DateTime.UtcNow > deadline)
            {
                return all;
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        if (Sms is not null)
        {
            await Sms.DisposeAsync();
        }
    }
}
