using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CctvRequests.TestSupport;

/// <summary>
/// The clamd that <c>./test.sh</c> started, with a local signature for the EICAR test file (address
/// in <c>CCTV_TEST_CLAMAV</c>, <c>host:port</c>). Every test host scans its uploads with it.
/// </summary>
public static class TestClamav
{
    public const string Variable = "CCTV_TEST_CLAMAV";

    public static (string Host, int Port)? Configured =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value && value.LastIndexOf(':') is var colon and > 0
            ? (value[..colon], int.Parse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            : null;

    /// <summary>The address, for the tests that need the scanner; ./test.sh always sets it.</summary>
    public static (string Host, int Port) Required =>
        Configured ?? throw new InvalidOperationException($"{Variable} is not set: run ./test.sh, which starts clamd with an EICAR signature.");

    /// <summary>
    /// The EICAR anti-virus test file: harmless, and found by every scanner. Put together at run
    /// time so that no scanner on a developer's machine flags this source file.
    /// </summary>
    public static byte[] Eicar => Encoding.ASCII.GetBytes(string.Concat(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$", "EICAR-STANDARD-", "ANTIVIRUS-TEST-FILE!$H+H*"));

    /// <summary>A loopback port where nothing listens: a scanner that is configured but down.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
