using System.Diagnostics;
using Npgsql;

namespace CctvRequests.TestSupport;

/// <summary>
/// A plain-SQL <c>pg_dump</c> of a test database: what a stolen backup would hold. The binary is the
/// cluster's own (<c>CCTV_TEST_PGBIN</c>, set by ./test.sh), else Debian's newest.
/// </summary>
public static class PgDump
{
    public static string Binary()
    {
        var configured = Environment.GetEnvironmentVariable("CCTV_TEST_PGBIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.Combine(configured, "pg_dump");
        }
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists).OrderDescending().FirstOrDefault()
            : null;
        return found ?? "pg_dump";
    }

    public static async Task<string> OfAsync(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Binary())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in new[] { "-h", c.Host!, "-p", c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", c.Username!, "--no-owner", "-d", c.Database! })
        {
            start.ArgumentList.Add(argument);
        }
        if (!string.IsNullOrEmpty(c.Password))
        {
            start.Environment["PGPASSWORD"] = c.Password;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pg_dump did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_dump failed: {await error}");
        }
        return await output;
    }
}

/// <summary>Made-up people no other test uses: a name of random Thai letters and a mobile number of random digits.</summary>
public static class People
{
    private const string Consonants = "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหฬอฮ";

    public static string NewName(int length = 6) =>
        new(Enumerable.Range(0, length).Select(_ => Consonants[Random.Shared.Next(Consonants.Length)]).ToArray());

    /// <summary>A mobile number as typed (<c>08x-xxx-xxxx</c>) and as stored (<c>+668x...</c>).</summary>
    public static (string Typed, string E164) NewMobile()
    {
        var digits = "8" + Random.Shared.Next(1, 10) + Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        var national = "0" + digits;
        return ($"{national[..3]}-{national[3..6]}-{national[6..]}", "+66" + digits);
    }
}
