using System.Text.Json;
using CctvRequests.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CctvRequests.Infrastructure.Persistence;

/// <summary>
/// At start: applies the committed migrations, then loads any privacy-notice version from the
/// content folder that the database does not have yet, and the organization's seed (profile,
/// stations, cancellation reasons) into an empty database. Published versions are never changed:
/// a consent points at the text it was given.
/// </summary>
public sealed class DatabaseInitializer(AppDbContext db, OrganizationSeed organization, Microsoft.Extensions.Configuration.IConfiguration configuration, TimeProvider clock, ILogger<DatabaseInitializer> logger)
{
    public static string ContentRoot => Path.Combine(AppContext.BaseDirectory, "Content");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await LoadPrivacyNoticesAsync(cancellationToken);
        var seed = configuration["Organization:SeedFile"];
        await organization.ApplyAsync(
            string.IsNullOrWhiteSpace(seed) ? Path.Combine(ContentRoot, OrganizationSeed.DefaultFile) : Path.GetFullPath(seed), clock.GetUtcNow(), cancellationToken);
    }

    private async Task LoadPrivacyNoticesAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(ContentRoot, "privacy-notices");
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("No privacy notice content folder at {Folder}", folder);
            return;
        }
        var known = await db.PrivacyNotices.Select(n => n.Version).ToListAsync(cancellationToken);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            var content = await JsonSerializer.DeserializeAsync<NoticeFile>(stream, JsonSerializerOptions.Web, cancellationToken)
                          ?? throw new InvalidOperationException($"Privacy notice {file} is empty.");
            if (known.Contains(content.Version))
            {
                continue;
            }
            db.PrivacyNotices.Add(PrivacyNotice.Create(content.Version, content.Text, content.TextEn, content.PublishedAt));
            logger.LogInformation("Privacy notice version {Version} loaded", content.Version);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record NoticeFile(string Version, DateTimeOffset PublishedAt, string Text, string TextEn);
}
