namespace CctvRequests.Api.Hosting;

/// <summary>
/// The words after <c>CctvRequests.Api.dll</c>: none (or only ASP.NET's <c>--key value</c> settings) serves the
/// API; each command does its job and exits; <c>--help</c> lists them; anything else is refused with the list,
/// so a mistyped command (<c>bakup</c>) never starts a web server instead.
/// </summary>
public static class Commands
{
    public static readonly IReadOnlyList<(string Usage, string What)> All =
    [
        ("migrate", "apply the database migrations and the seed as ConnectionStrings:Owner, grant the API's role, exit"),
        ("create-admin --email <e-mail> --name <name>", "make an administrator (password from CCTV_ADMIN_PASSWORD, or asked)"),
        ("retention run", "erase now the personal data of requests past their retention"),
        ("personal-data rekey", "encrypt every identity number again with the current key"),
        ("storage check", "count stored objects, those no request names and attachments whose object is missing; exit 1 if any"),
        ("storage reconcile [--older-than hh:mm:ss]", "remove stored objects no request names, now"),
        ("backup <folder>", "pg_dump of one snapshot, every stored object and a manifest (counts, SHA-256), into a new folder; never the keys"),
        ("restore-check <folder>", "restore a backup into a new database and a scratch store, verify every row and object, drop them; exit 1 naming each difference"),
    ];

    private static readonly IReadOnlyList<string[]> Known =
        [["migrate"], ["create-admin"], ["retention", "run"], ["personal-data", "rekey"], ["storage", "check"], ["storage", "reconcile"], ["backup"], ["restore-check"]];

    /// <summary>Null to go on (serve, or run a known command); otherwise the exit code, the usage already printed.</summary>
    public static int? Preflight(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0)
        {
            return null;
        }
        if (args[0] is "--help" or "-h" or "help" or "-?" or "/?")
        {
            Usage(output);
            return 0;
        }
        // ASP.NET's own settings on the command line (--urls, --environment, --Key=value): serve.
        if (args[0].StartsWith('-'))
        {
            return null;
        }
        if (Known.Any(words => args.Length >= words.Length && words.Select((w, i) => args[i] == w).All(same => same)))
        {
            return null;
        }
        error.WriteLine($"Unknown command: {string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))}");
        Usage(error);
        return 2;
    }

    private static void Usage(TextWriter writer)
    {
        writer.WriteLine("Usage: dotnet CctvRequests.Api.dll [command] [--setting value ...]");
        writer.WriteLine("Without a command, serves the API and the pages. Commands:");
        foreach (var (usage, what) in All)
        {
            writer.WriteLine($"  {usage,-45} {what}");
        }
        writer.WriteLine("Settings come from appsettings.json, environment variables (Section__Key) and --Section:Key value; see README.");
    }
}
