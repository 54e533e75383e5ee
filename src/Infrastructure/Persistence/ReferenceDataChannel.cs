using CctvRequests.Application.Abstractions;
using CctvRequests.Infrastructure.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CctvRequests.Infrastructure.Persistence;

/// <summary>
/// Reference data changed on this node: every other node is told through PostgreSQL
/// (<c>NOTIFY cctv_reference_data</c>), so their caches drop their copies too (ADR 0013).
/// </summary>
public sealed class ReferenceDataNotifier(IConfiguration configuration, ILogger<ReferenceDataNotifier> logger) : IReferenceDataListener
{
    public const string Channel = "cctv_reference_data";

    /// <summary>This host, so that it does not act on its own notice a second time.</summary>
    public string Node { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Never throws: the change is committed; a node that misses the notice drops its copies when it listens again.</summary>
    public async ValueTask ChangedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(configuration.GetConnectionString("Default"));
            await connection.OpenAsync(cancellationToken);
            await using var notify = new NpgsqlCommand($"SELECT pg_notify('{Channel}', @node)", connection);
            notify.Parameters.AddWithValue("node", Node);
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.ReferenceNotifyFailed(ex);
        }
    }
}

/// <summary>
/// Listens on <see cref="ReferenceDataNotifier.Channel"/> and, when another node changed reference
/// data, drops this node's copies. After a lost connection it drops them too (a notice may have
/// been missed) and listens again.
/// </summary>
public sealed class ReferenceDataSubscriber(
    IConfiguration configuration, ReferenceDataNotifier notifier, IServiceProvider services, ILogger<ReferenceDataSubscriber> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var missedSome = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(
                    new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Default")) { Pooling = false, KeepAlive = 30 }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                var changed = false;
                connection.Notification += (_, e) => changed |= e.Payload != notifier.Node;
                await using (var listen = new NpgsqlCommand($"LISTEN {ReferenceDataNotifier.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                if (missedSome)
                {
                    await DropCopiesAsync(stoppingToken);
                    missedSome = false;
                }
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                    if (changed)
                    {
                        changed = false;
                        await DropCopiesAsync(stoppingToken);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                missedSome = true;
                logger.ReferenceListenFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    private async Task DropCopiesAsync(CancellationToken cancellationToken)
    {
        foreach (var listener in services.GetServices<IReferenceDataListener>().Where(l => l is not ReferenceDataNotifier))
        {
            await listener.ChangedAsync(cancellationToken);
        }
    }
}
