using System.Globalization;
using System.Text.Json;
using CctvRequests.Application.Administration;
using CctvRequests.Domain.Appointments;
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
        else
        {
            BackfillProfile(profile, seed.Organization.ToDetails(), now);
        }
        if (await db.Stations.AnyAsync(cancellationToken))
        {
            await RenameOldSeedStationsAsync(db, seed.Stations, cancellationToken);
        }
        else
        {
            var order = 0;
            foreach (var s in seed.Stations)
            {
                db.Stations.Add(Station.Create(0, s.Name, s.NameEn, s.District, s.FootageRetentionDays ?? Station.DefaultRetentionDays, isActive: true, ++order));
            }
            logger.StationsLoaded(seed.Stations.Count, Path.GetFileName(path));
        }
        await LoadViewingPlacesAsync(db, seed, Path.GetFileName(path), cancellationToken);
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

    /// <summary>What a profile from an earlier version lacks comes from the seed; what an administrator wrote stays.</summary>
    private static void BackfillProfile(OrganizationProfile profile, OrganizationDetails seed, DateTimeOffset now)
    {
        var d = profile.Details;
        if (string.IsNullOrEmpty(profile.FormTitleTh))
        {
            // From before the official form existed: its titles.
            d = d with { FormTitle = seed.FormTitle, OfficerTitle = seed.OfficerTitle, CentreHeadTitle = seed.CentreHeadTitle, DeputyTitle = seed.DeputyTitle, ChiefExecutiveTitle = seed.ChiefExecutiveTitle };
        }
        if (string.IsNullOrEmpty(profile.ApprovedViewInstructionsTh))
        {
            // From before the instructions were per purpose: the one text was for a copy (migration
            // SignatureMethodAndInstructionsPerPurpose kept it as such); a viewing gets the seed's.
            d = d with { ApprovedInstructions = d.ApprovedInstructions with { View = seed.ApprovedInstructions.View } };
        }
        if (d != profile.Details)
        {
            profile.Update(d, now);
        }
    }

    /// <summary>
    /// Station names of an earlier seed began with "บริเวณ", which the form's label already says
    /// ("เหตุเกิดบริเวณ บริเวณ..."): a station still named exactly so takes the seed's name now.
    /// One an administrator renamed is left alone.
    /// </summary>
    private async Task RenameOldSeedStationsAsync(AppDbContext db, IReadOnlyList<SeedStation> seedStations, CancellationToken cancellationToken)
    {
        var oldNames = seedStations.ToDictionary(s => OldStationPrefix + s.Name, StringComparer.Ordinal);
        var stations = await db.Stations.Where(s => s.Name.StartsWith(OldStationPrefix)).ToListAsync(cancellationToken);
        foreach (var station in stations)
        {
            if (oldNames.TryGetValue(station.Name, out var seedStation))
            {
                station.Update(seedStation.Name, station.NameEn, station.District, station.FootageRetentionDays, station.IsActive, station.SortOrder);
                logger.StationRenamed(station.Id);
            }
        }
    }

    private const string OldStationPrefix = "บริเวณ";

    /// <summary>
    /// The viewing places and the yearly closed days, once: when the database has no place yet (a new installation, or
    /// one from before appointments). Afterwards they are the administrators' (a removed holiday stays removed).
    /// </summary>
    private async Task LoadViewingPlacesAsync(AppDbContext db, SeedFile seed, string file, CancellationToken cancellationToken)
    {
        if (seed.ViewingPlaces is not { Count: > 0 } places || await db.ViewingPlaces.AnyAsync(cancellationToken))
        {
            return;
        }
        var order = 0;
        foreach (var p in places)
        {
            db.ViewingPlaces.Add(ViewingPlace.Create(new ViewingPlaceDetails(
                new Text(p.NameTh, p.NameEn), new Text(p.AddressTh, p.AddressEn), p.MapUrl, new Text(p.WhatToBringTh, p.WhatToBringEn),
                p.Hours.Select(h => new OpeningHours(Enum.Parse<DayOfWeek>(h.Day), TimeOnly.Parse(h.Opens, CultureInfo.InvariantCulture), TimeOnly.Parse(h.Closes, CultureInfo.InvariantCulture))).ToList(),
                p.SlotMinutes ?? ViewingPlace.DefaultSlotMinutes, p.Seats ?? ViewingPlace.DefaultSeats, p.DaysAhead ?? ViewingPlace.DefaultDaysAhead,
                p.LatestChangeHours ?? ViewingPlace.DefaultLatestChangeHours, IsActive: true, ++order)));
        }
        foreach (var d in seed.ClosedDays ?? [])
        {
            // A yearly day keeps its month and day; the year 2000 (a leap year) only holds them.
            var parts = d.MonthDay.Split('-');
            var date = new DateOnly(2000, int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
            db.ClosedDays.Add(ClosedDay.Create(date, yearly: true, new Text(d.NameTh, d.NameEn)));
        }
        logger.ViewingPlacesLoaded(places.Count, seed.ClosedDays?.Count ?? 0, file);
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
    private sealed record SeedFile(
        OrganizationForm Organization, List<SeedStation> Stations, List<SeedReason> CancellationReasons, string? PrivacyNoticeFolder,
        List<SeedPlace>? ViewingPlaces = null, List<SeedClosedDay>? ClosedDays = null);

    private sealed record SeedPlace(
        string NameTh, string NameEn, string AddressTh, string AddressEn, string? MapUrl, string WhatToBringTh, string WhatToBringEn,
        List<SeedHours> Hours, int? SlotMinutes, int? Seats, int? DaysAhead, int? LatestChangeHours);

    private sealed record SeedHours(string Day, string Opens, string Closes);

    private sealed record SeedClosedDay(string MonthDay, string NameTh, string NameEn);

    private sealed record NoticeFile(string Version, DateTimeOffset PublishedAt, string Text, string TextEn);

    private sealed record SeedStation(string Name, string NameEn, string District, int? FootageRetentionDays);

    private sealed record SeedReason(string Code, string LabelTh, string LabelEn);
}
