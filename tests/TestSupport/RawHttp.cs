using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CctvRequests.TestSupport;

/// <summary>
/// An HTTP/1.1 POST over a bare socket, its body sent at a chosen rate while the answer is read
/// at the same time: so a test sees the server's early answer (408, 413) even though the body is
/// still coming, as a slow phone would.
/// </summary>
public static class RawHttp
{
    public sealed record Answer(int? Status, string Text, TimeSpan Elapsed);

    public static async Task<Answer> PostSlowlyAsync(int port, string path, string contentType, byte[] body, int bytesPerSecond, TimeSpan stopSendingAfter)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        var watch = Stopwatch.StartNew();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var reading = ReadToEndAsync(stream);
        var chunk = Math.Max(1, bytesPerSecond / 10);
        for (var at = 0; at < body.Length && !reading.IsCompleted && watch.Elapsed < stopSendingAfter; at += chunk)
        {
            try
            {
                await stream.WriteAsync(body.AsMemory(at, Math.Min(chunk, body.Length - at)));
            }
            catch (IOException)
            {
                break;
            }
            await Task.Delay(100);
        }
        var text = await reading.WaitAsync(TimeSpan.FromSeconds(60));
        var elapsed = watch.Elapsed;
        var status = text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && int.TryParse(text.AsSpan(9, 3), out var code) ? code : (int?)null;
        return new Answer(status, text, elapsed);
    }

    private static async Task<string> ReadToEndAsync(NetworkStream stream)
    {
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // reset by the server: what arrived before is the answer
        }
        return Encoding.UTF8.GetString(received.ToArray());
    }
}
