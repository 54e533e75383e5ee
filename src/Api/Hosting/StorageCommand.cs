using System.Globalization;
using CctvRequests.Infrastructure.Files;
using CctvRequests.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace CctvRequests.Api.Hosting;

/// <summary>
/// <c>storage check</c>: counts the stored objects, those a request names, those none names and
/// the attachments whose object is missing, without changing anything; exits 1 when any object is
/// unreferenced or missing (run it when nothing is being submitted, or after a reconciliation).
/// <c>storage reconcile [--older-than hh:mm:ss]</c>: one reconciliation now (default: objects older
/// than <c>Storage:ReconcileMinAge</c>), under the same job lock as the service's own runs.
/// Both print <c>name=value</c> pairs for scripts.
/// </summary>
public static class StorageCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var reconciler = services.GetRequiredService<StorageReconciler>();
        if (args[1] == "check")
        {
            var check = await reconciler.CheckAsync(CancellationToken.None);
            Console.WriteLine($"objects={check.Objects} referenced={check.Referenced} unreferenced={check.Unreferenced} attachments={check.Attachments} missing={check.Missing}");
            return check.Unreferenced == 0 && check.Missing == 0 ? 0 : 1;
        }
        var minAge = services.GetRequiredService<IOptions<StorageOptions>>().Value.ReconcileMinAge;
        var index = Array.IndexOf(args, "--older-than");
        if (index > 0 && (index + 1 >= args.Length || !TimeSpan.TryParse(args[index + 1], CultureInfo.InvariantCulture, out minAge) || minAge < TimeSpan.Zero))
        {
            Console.Error.WriteLine("usage: storage reconcile [--older-than hh:mm:ss]");
            return 2;
        }
        var before = DateTime.UtcNow - minAge;
        ReconcileResult? result = null;
        var ran = await services.GetRequiredService<JobLock>().RunAloneAsync(StorageReconciler.Job,
            async ct => result = await reconciler.ReconcileAsync(before, ct), CancellationToken.None);
        if (!ran || result is null)
        {
            Console.Error.WriteLine("A reconciliation is running on another node now; nothing done here.");
            return 3;
        }
        Console.WriteLine($"listed={result.Listed} pages={result.Pages} scratch={result.Scratch} unreferenced={result.Unreferenced} unfinished={result.Unfinished}");
        return 0;
    }
}
