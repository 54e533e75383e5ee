using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CctvRequests.Infrastructure.Backups;

/// <summary>PostgreSQL's own client programs (<c>pg_dump</c>, <c>pg_restore</c>), found and run with a connection string's settings.</summary>
public sealed class PgTools(string binFolder)
{
    public static PgTools Locate(string configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new PgTools(configured);
        }
        // Debian installs each major version beside the others; the newest dumps every older server.
        var newest = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_dump")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return new PgTools(newest ?? string.Empty);
    }

    public string ProgramPath(string program) => string.IsNullOrEmpty(binFolder) ? program : System.IO.Path.Combine(binFolder, program);

    /// <summary>Runs a program with the connection's host, port, user and database as libpq settings (the password in the environment, never the command line); answers stderr on failure.</summary>
    public async Task RunAsync(string program, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(ProgramPath(program)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment["PGHOST"] = c.Host;
        start.Environment["PGPORT"] = c.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = c.Username;
        start.Environment["PGDATABASE"] = c.Database;
        start.Environment["PGSSLMODE"] = c.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        if (!string.IsNullOrEmpty(c.Password))
        {
            start.Environment["PGPASSWORD"] = c.Password;
        }
        start.Environment["PGAPPNAME"] = "cctvrequests-" + program;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"{ProgramPath(program)} was not found: install PostgreSQL's client programs (Debian: postgresql-client) or set Backup__PgBin.", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            await output;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} failed (exit {process.ExitCode}): {(await error).Trim()}");
            }
        }
    }
}
