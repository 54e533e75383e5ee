using CctvRequests.Infrastructure.Backups;

namespace CctvRequests.Api.Hosting;

/// <summary>
/// <c>backup &lt;folder&gt;</c> and <c>restore-check &lt;folder&gt;</c> (docs/OPERATIONS.md). Both run before the
/// start-up migrates or seeds anything: a restore check needs no application database at all (after a disaster
/// there is none), and a backup takes the database as it is. Exit codes: 0 done and verified; 1 differences (each
/// named); 2 usage; 3 could not run (the message says why).
/// </summary>
public static class BackupCommands
{
    public const string Backup = "backup";
    public const string RestoreCheck = "restore-check";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            Console.Error.WriteLine($"usage: {args[0]} <folder>");
            return 2;
        }
        var folder = args[1];
        try
        {
            return args[0] == Backup ? await BackupAsync(services, folder) : await CheckAsync(services, folder);
        }
        catch (BackupException e)
        {
            Console.Error.WriteLine($"{args[0]}: {e.Message}");
            return 3;
        }
        catch (Exception e) when (e is InvalidOperationException or Npgsql.NpgsqlException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{args[0]} could not run: {e.Message}");
            return 3;
        }
    }

    private static async Task<int> BackupAsync(IServiceProvider services, string folder)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<BackupWriter>().WriteAsync(folder, Console.Out, CancellationToken.None);
        var m = result.Manifest;
        Console.WriteLine($"backup={result.Folder} schema={m.SchemaVersion} requests={m.Tables.GetValueOrDefault(DatabaseFacts.RequestsTable)} " +
                          $"objects={m.Objects} object_bytes={m.ObjectBytes} database_bytes={result.DatabaseBytes} seconds={result.Took.TotalSeconds:0.0}");
        foreach (var problem in m.Problems)
        {
            Console.Error.WriteLine($"PROBLEM {problem}");
        }
        Console.WriteLine(m.Problems.Count == 0 ? "RESULT: OK" : $"RESULT: {m.Problems.Count} PROBLEMS (the backup is written, but not whole)");
        return m.Problems.Count == 0 ? 0 : 1;
    }

    private static async Task<int> CheckAsync(IServiceProvider services, string folder)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await services.GetRequiredService<Infrastructure.Backups.RestoreCheck>().RunAsync(folder, TextWriter.Null, CancellationToken.None);
        foreach (var line in result.Report)
        {
            Console.WriteLine(line);
        }
        foreach (var difference in result.Differences)
        {
            Console.WriteLine($"DIFFERENCE {difference}");
        }
        Console.WriteLine(result.Verified
            ? $"RESULT: OK, everything verifies ({watch.Elapsed.TotalSeconds:0.0} s)"
            : $"RESULT: FAILED, {result.Differences.Count} differences ({watch.Elapsed.TotalSeconds:0.0} s)");
        return result.Verified ? 0 : 1;
    }
}
