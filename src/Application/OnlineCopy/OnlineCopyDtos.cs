using CctvRequests.Domain.Requests;

namespace CctvRequests.Application.OnlineCopy;

/// <summary>A clip as staff and the applicant see it.</summary>
public sealed record ClipDto(Guid Id, string FileName, long SizeBytes, string Sha256);

/// <summary>A resumable upload: where to send its pieces (<c>PUT</c> with <c>Content-Range</c>), in pieces of <c>chunkBytes</c>, and how much has arrived.</summary>
public sealed record ClipUploadDto(Guid UploadId, string Url, string FileName, long TotalBytes, long ReceivedBytes, int ChunkBytes, ClipDto? Clip);

/// <summary>A clip for the applicant: with its address (valid with the download session's cookie) and the copy's last day.</summary>
public sealed record DownloadableClipDto(Guid Id, string FileName, long SizeBytes, string Sha256, DateOnly ExpiresOn, string Url);

public sealed record StaffClipDto(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, string UploadedByName, bool Stored);

public sealed record ClipDownloadDto(string FileName, string Sha256, DateTimeOffset At, long BytesSent, long? RangeStart, string Client);

/// <summary>The online copy of one request as staff see it, with what may be done now.</summary>
public sealed record StaffOnlineCopyDto(
    IReadOnlyList<StaffClipDto> Clips,
    bool CanUpload,
    bool CanPublish,
    DateTimeOffset? PublishedAt,
    string? PublishedByName,
    DateOnly? ExpiresOn,
    DateOnly DefaultExpiresOn,
    DateTimeOffset? EndedAt,
    string? EndedBecause,
    bool Locked,
    int WrongChecksToday,
    IReadOnlyList<ClipDownloadDto> Downloads);

public static class OnlineCopyDtos
{
    public static ClipDto Of(DeliveredClip c) => new(c.Id, c.FileName, c.SizeBytes, c.Sha256);

    public static StaffOnlineCopyDto Staff(FootageRequest r, DateOnly today, OnlineCopyOptions options)
    {
        var copy = r.OnlineCopy;
        var downloads = r.HandOvers.Where(h => h.IsOnline).SelectMany(h => h.Downloads).OrderBy(d => d.At)
            .Select(d => new ClipDownloadDto(d.FileName, d.Sha256, d.At, d.BytesSent, d.RangeStart, d.Client)).ToList();
        return new StaffOnlineCopyDto(
            r.DeliveredClips.OrderBy(c => c.UploadedAt)
                .Select(c => new StaffClipDto(c.Id, c.FileName, c.ContentType, c.SizeBytes, c.Sha256, c.UploadedAt, c.UploadedByName, c.StorageKey is not null)).ToList(),
            r.CanDeliverOnline(),
            r.CanDeliverOnline() && r.DeliveredClips.Any(c => c.StorageKey is not null),
            copy.PublishedAt, copy.PublishedByName, copy.ExpiresOn, today.AddDays(options.DefaultExpiryDays), copy.EndedAt, copy.EndedBecause?.ToString(),
            copy.LockedAt is not null, copy.WrongChecksOn == today ? copy.WrongChecks : 0, downloads);
    }
}
