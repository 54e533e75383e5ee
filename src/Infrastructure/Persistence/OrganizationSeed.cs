using System.Text.Json;
using CctvRequests.Application.Administration;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Organization;
using CctvRequests.Domain.Privacy;
using CctvRequests.Domain.Requests;
using CctvRequests.Domain.Stations;
using CctvRequests.Infrastructure.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CctvRequests.Infrastructure.Persistence;

/// <summary>
/// The organization an installation starts with, read from a content file (SPEC §8.9: data, not
/// code): the privacy-notice versions of its folder that the database lacks, the profile and the
/// stations when the database has none, the cancellation reasons it lacks, and the system's own
/// reason for erasures. Published notice versions are never changed: a consent points at the text
/// it was given.
/// </summary>
public sealed class OrganizationSeed(ILogger<OrganizationSeed> logger)
{
    public const string DefaultFile = "organization.json";

    public async Task ApplyAsync(AppDbContext db, string path, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The organization seed file {path} does not exist (Organization:SeedFile).");
        }
        await using var stream = File.OpenRead(path);
        var seed = await JsonSerializer.DeserializeAsync<SeedFile>(stream, JsonSerializerOptions.Web, cancellationToken)
                   ?? throw new InvalidOperationException($"{path} is empty.");

        await LoadPrivacyNoticesAsync(db, Path.Combine(Path.GetDirectoryName(path)!, seed.PrivacyNoticeFolder ?? "privacy-notices"), cancellationToken);

        var profile = await db.OrganizationProfiles.SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            db.OrganizationProfiles.Add(OrganizationProfile.Create(seed.Organization.ToDetails(), now));
            logger.ProfileLoaded(Path.GetFileName(path));
        }
        else if (string.IsNullOrEmpty(profile.FormTitleTh))
        {
            // A profile from before the official form existed: its titles come from the seed, the rest stays.
            var d = profile.Details;
            var s = seed.Organization.ToDetails();
            profile.Update(d with { FormTitle = s.FormTitle, OfficerTitle = s.OfficerTitle, CentreHeadTitle = s.CentreHeadTitle, DeputyTitle = s.DeputyTitle, ChiefExecutiveTitle = s.ChiefExecutiveTitle }, now);
        }
        if (!await db.Stations.AnyAsync(cancellationToken))
        {
            var order = 0;
            foreach (var s in seed.Stations)
            {
                db.Stations.Add(Station.Create(0, s.Name, s.NameEn, s.District, s.FootageRetentionDays ?? Station.DefaultRetentionDays, isActive: true, ++order));
            }
            logger.StationsLoaded(seed.Stations.Count, Path.GetFileName(path));
        }
        var known = await db.CancellationReasons.Select(r => r.Code).ToListAsync(cancellationToken);
        var order2 = known.Count;
        foreach (var r in seed.CancellationReasons.Where(r => !known.Contains(r.Code)))
        {
            db.CancellationReasons.Add(CancellationReason.Create(r.Code, new Text(r.LabelTh, r.LabelEn), isActive: true, ++order2));
        }
        if (!known.Contains(CancellationReason.Erased))
        {
            db.CancellationReasons.Add(CancellationReason.Create(CancellationReason.Erased,
                new Text("ลบข้อมูลส่วนบุคคลตามคำขอของเจ้าของข้อมูล", "Personal data erased at the data subject's request"), isActive: true, 999, isSystem: true));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task LoadPrivacyNoticesAsync(AppDbContext db, string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            logger.NoNoticeFolder(folder);
            return;
        }
        var known = await db.PrivacyNotices.Select(n => n.Version).ToListAsync(cancellationToken);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            var content = await JsonSerializer.DeserializeAsync<NoticeFile>(stream, JsonSerializerOptions.Web, cancellationToken)
                          ?? throw new InvalidOperationException($"Privacy notice {file} is empty.");
            if (!known.Contains(content.Version))
            {
                db.PrivacyNotices.Add(PrivacyNotice.Create(content.Version, content.Text, content.TextEn, content.PublishedAt));
                logger.NoticeLoaded(content.Version);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The seed file; its privacy-notice folder is relative to it ("privacy-notices" when not given).</summary>
    private sealed record SeedFile(OrganizationForm Organization, List<SeedStation> Stations, List<SeedReason> CancellationReasons, string? PrivacyNoticeFolder);

    private sealed record NoticeFile(string Version, DateTimeOffset PublishedAt, string Text, string TextEn);

    private sealed record SeedStation(string Name, string NameEn, string District, int? FootageRetentionDays);

    private sealed record SeedReason(string Code, string LabelTh, string LabelEn);
}
