using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Infrastructure.Persistence;

/// <summary>
/// At start: applies the committed migrations, then the organization's seed file (its privacy
/// notices, and its profile, stations and cancellation reasons where the database has none).
/// </summary>
public sealed class DatabaseInitializer(AppDbContext db, OrganizationSeed organization, Microsoft.Extensions.Configuration.IConfiguration configuration, TimeProvider clock)
{
    public static string ContentRoot => Path.Combine(AppContext.BaseDirectory, "Content");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        var seed = configuration["Organization:SeedFile"];
        await organization.ApplyAsync(
            string.IsNullOrWhiteSpace(seed) ? Path.Combine(ContentRoot, OrganizationSeed.DefaultFile) : Path.GetFullPath(seed), clock.GetUtcNow(), cancellationToken);
    }
}
