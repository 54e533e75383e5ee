using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure.Scanning;

/// <summary>
/// clamd's INSTREAM command over TCP or a Unix socket: <c>zINSTREAM\0</c>, the file in chunks each
/// led by its length (4 bytes, big-endian), a zero length, then one answer ending in NUL:
/// <c>stream: OK</c>, <c>stream: {name} FOUND</c>, or an error. Anything but a clear answer is
/// "unavailable", never "clean". Without <c>Clamav:Host</c> or <c>Clamav:Socket</c> nothing is scanned.
/// </summary>
public sealed class ClamAvScanner(IOptions<ClamAvOptions> options) : IVirusScanner
{
    private const int ChunkBytes = 64 * 1024;
    private const int MaxReplyBytes = 4096;

    public static readonly Text Unavailable = new(
        "ขณะนี้ระบบตรวจไวรัสไม่พร้อม จึงยังรับไฟล์ไม่ได้ ไม่มีข้อมูลใดถูกบันทึก กรุณาลองใหม่อีกครั้ง",
        "The virus scanner is not available right now, so files cannot be accepted; nothing was saved. Please try again.");

    public bool Enabled => options.Value.Configured;

    public async Task<string?> ScanAsync(string path, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return null;
        }
        using var activity = Application.Behaviors.AppTelemetry.Source.StartActivity("clamd scan", System.Diagnostics.ActivityKind.Client);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        string reply;
        try
        {
            reply = await CommandAsync(path, cancellationToken);
        }
        catch (ServiceUnavailableException)
        {
            Measure("unavailable", started);
            throw;
        }
        Measure(reply.EndsWith(" FOUND", StringComparison.Ordinal) ? "infected" : reply == "stream: OK" ? "clean" : "error", started);
        if (reply.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            var name = reply[..^" FOUND".Length];
            return name.StartsWith("stream: ", StringComparison.Ordinal) ? name["stream: ".Length..] : name;
        }
        return reply == "stream: OK" ? null : throw new ServiceUnavailableException(Unavailable, new IOException($"clamd answered: {reply}"));
    }

    private static void Measure(string result, long started) =>
        Application.Behaviors.AppTelemetry.ClamdDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("result", result));

    /// <summary>PING → PONG: for the health check.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await CommandAsync(path: null, cancellationToken) == "PONG";
        }
        catch (ServiceUnavailableException)
        {
            return false;
        }
    }

    private async Task<string> CommandAsync(string? path, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A clip of gigabytes takes clamd a while: the limit grows with the file (at least 20 MB/s is expected).
        var size = path is null ? 0 : new FileInfo(path).Length;
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.Value.TimeoutSeconds) + size / (20 * 1024 * 1024)));
        try
        {
            using var socket = await ConnectAsync(timeout.Token);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            if (path is null)
            {
                await stream.WriteAsync("zPING\0"u8.ToArray(), timeout.Token);
                return await ReadReplyAsync(stream, timeout.Token);
            }
            await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), timeout.Token);
            try
            {
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes, FileOptions.Asynchronous | FileOptions.SequentialScan);
                var buffer = new byte[4 + ChunkBytes];
                int read;
                while ((read = await file.ReadAsync(buffer.AsMemory(4, ChunkBytes), timeout.Token)) > 0)
                {
                    BinaryPrimitives.WriteInt32BigEndian(buffer, read);
                    await stream.WriteAsync(buffer.AsMemory(0, 4 + read), timeout.Token);
                }
                await stream.WriteAsync(new byte[4], timeout.Token);
            }
            catch (IOException)
            {
                // clamd closes early when it refuses the stream (a size limit); its answer says why.
            }
            return await ReadReplyAsync(stream, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ServiceUnavailableException(Unavailable, e);
        }
    }

    private async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.Socket))
        {
            var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await unix.ConnectAsync(new UnixDomainSocketEndPoint(o.Socket), cancellationToken);
                return unix;
            }
            catch
            {
                unix.Dispose();
                throw;
            }
        }
        var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(o.Host!, o.Port, cancellationToken);
            return tcp;
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    private static async Task<string> ReadReplyAsync(Stream stream, CancellationToken cancellationToken)
    {
        var reply = new MemoryStream();
        var buffer = new byte[256];
        while (reply.Length < MaxReplyBytes)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }
            var end = Array.IndexOf(buffer, (byte)0, 0, read);
            reply.Write(buffer, 0, end < 0 ? read : end);
            if (end >= 0)
            {
                break;
            }
        }
        return Encoding.ASCII.GetString(reply.ToArray()).Trim();
    }
}
