using System.Diagnostics;
using CctvRequests.Api.Hosting;

namespace CctvRequests.Api.Tests;

/// <summary>The words after CctvRequests.Api.dll: every command listed by --help; an unknown one refused, never a web server started instead.</summary>
public class CommandLineTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CctvRequests.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // No database, no keys: a command-line mistake must be told before anything needs them.
        start.Environment.Remove("ConnectionStrings__Default");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Help_ListsEveryCommand_AndExits0()
    {
        var (exit, output, _) = await RunAsync("--help");

        Assert.Equal(0, exit);
        foreach (var (usage, _) in Commands.All)
        {
            Assert.Contains(usage, output);
        }
        Assert.Contains("storage reconcile", output);
        Assert.Contains("create-admin", output);
        Assert.Contains("backup <folder>", output);
        Assert.Contains("restore-check <folder>", output);
    }

    [Theory]
    [InlineData("bakup")]
    [InlineData("retention")]
    [InlineData("storage", "wipe")]
    [InlineData("migrat")]
    public async Task AnUnknownCommand_ExitsNonZero_WithTheList_AndServesNothing(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("Unknown command", error);
        Assert.Contains("migrate", error);
        Assert.DoesNotContain("Now listening", output + error);
    }

    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "--urls", "http://localhost:5000" }, true)]
    [InlineData(new[] { "storage", "check" }, true)]
    [InlineData(new[] { "create-admin", "--email", "a@example.go.th" }, true)]
    [InlineData(new[] { "backup", "/srv/backups/2026-12-04" }, true)]
    [InlineData(new[] { "restore-check", "/srv/backups/2026-12-04" }, true)]
    [InlineData(new[] { "bakup" }, false)]
    [InlineData(new[] { "restore" }, false)]
    public void Preflight_GoesOnOnlyForServingOrAKnownCommand(string[] args, bool goesOn)
    {
        var result = Commands.Preflight(args, TextWriter.Null, TextWriter.Null);
        Assert.Equal(goesOn, result is null);
    }
}
