using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace CctvRequests.TestSupport;

/// <summary>
/// A real SMTP server for a test host: Debian's aiosmtpd (<c>python3-aiosmtpd</c>, which <c>./test.sh</c>
/// installs), storing every message it accepts in a Maildir of its own. It can be stopped and started again
/// on the same port, as an SMTP relay that goes away for a while.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";
    private Process? _process;

    public TestSmtpServer()
    {
        Port = FreePort();
        // aiosmtpd makes the Maildir (new/, cur/, tmp/) only where nothing exists yet.
        Maildir = Path.Combine(Path.GetTempPath(), "cctv-test-mail-" + Guid.NewGuid().ToString("N"));
    }

    public int Port { get; }

    public string Maildir { get; }

    public bool Running => _process is { HasExited: false };

    public async Task StartAsync()
    {
        if (Running)
        {
            return;
        }
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing: run ./test.sh, which installs python3-aiosmtpd.");
        }
        var start = new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("aiosmtpd exited: " + await _process.StandardError.ReadToEndAsync());
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("aiosmtpd did not listen within 15 s");
    }

    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder).Select(f => (File: f, At: File.GetLastWriteTimeUtc(f))).OrderBy(f => f.At).ThenBy(f => f.File, StringComparer.Ordinal)
                .Select(f => MimeMessage.Load(f.File)).ToList();
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived (or the timeout), and answers them all.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var messages = Messages();
            if (messages.Count >= count || DateTime.UtcNow > deadline)
            {
                return messages;
            }
            await Task.Delay(100);
        }
    }

    public void Clear()
    {
        var folder = Path.Combine(Maildir, "new");
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder))
            {
                File.Delete(file);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(Maildir))
        {
            Directory.Delete(Maildir, recursive: true);
        }
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
