using System.Text.RegularExpressions;
using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Requests;

/// <summary>
/// One clip exported from the NVR for an approved copy (SPEC decision 16): held in the file store until the
/// online copy ends, then deleted; its name, size and SHA-256 stay in the hand-over record.
/// </summary>
public sealed partial class DeliveredClip
{
    public const int FileNameMax = 255;
    public const int ContentTypeMax = 100;

    private DeliveredClip()
    {
        FileName = ContentType = Sha256 = UploadedById = UploadedByName = string.Empty;
    }

    public Guid Id { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long SizeBytes { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the bytes as stored, computed by the server while it received them.</summary>
    public string Sha256 { get; private set; }

    /// <summary>Null once the clip is deleted (the copy ended, was withdrawn, or the data erased).</summary>
    public string? StorageKey { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
    public string UploadedById { get; private set; }
    public string UploadedByName { get; private set; }

    internal static DeliveredClip Create(Actor by, DateTimeOffset at, string storageKey, string fileName, string contentType, long sizeBytes, string sha256)
    {
        if (sizeBytes <= 0 || !Hex().IsMatch(sha256))
        {
            throw new DomainException("clip.facts", new Text("ไฟล์ภาพต้องมีขนาดและค่า SHA-256 ที่ถูกต้อง", "A clip needs its size and a valid SHA-256."));
        }
        return new DeliveredClip
        {
            Id = Guid.CreateVersion7(at),
            FileName = Guard.Text(fileName, nameof(fileName), 1, FileNameMax),
            ContentType = Guard.Text(contentType, nameof(contentType), 1, ContentTypeMax),
            SizeBytes = sizeBytes,
            Sha256 = sha256,
            StorageKey = Guard.Text(storageKey, nameof(storageKey), 1, RequestLimits.StorageKeyMax),
            UploadedAt = at.ToUniversalTime(),
            UploadedById = Guard.Text(by.Id, "uploadedBy", 1, Actor.IdMax),
            UploadedByName = Guard.Text(by.Name, "uploadedByName", 1, Actor.NameMax),
        };
    }

    /// <summary>Forgets where the bytes are and answers the key to delete (null when already gone).</summary>
    internal string? Forget()
    {
        var key = StorageKey;
        StorageKey = null;
        return key;
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Hex();
}

/// <summary>Why an online copy ended: its files are deleted then.</summary>
public enum OnlineCopyEnd
{
    Expired,
    Withdrawn,
    Erased,
}

/// <summary>
/// The copy delivered online (SPEC decision 16): published by an officer with an expiry day, downloaded by the
/// applicant after typing the request's identity number again; wrong numbers are counted per Bangkok day and,
/// at <see cref="DailyWrongLimit"/>, lock the downloads until an officer opens them again.
/// </summary>
public sealed class OnlineCopy
{
    public const int DailyWrongLimit = 10;

    private OnlineCopy()
    {
    }

    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedById { get; private set; }
    public string? PublishedByName { get; private set; }

    /// <summary>The last day (Bangkok) the clips can be downloaded.</summary>
    public DateOnly? ExpiresOn { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }
    public OnlineCopyEnd? EndedBecause { get; private set; }

    public int WrongChecks { get; private set; }
    public DateOnly? WrongChecksOn { get; private set; }
    public DateTimeOffset? LockedAt { get; private set; }

    public bool IsPublished => PublishedAt is not null;

    public bool IsEnded => EndedAt is not null;

    public static OnlineCopy None => new();

    internal void Publish(Actor by, DateTimeOffset at, DateOnly expiresOn)
    {
        PublishedAt = at.ToUniversalTime();
        PublishedById = by.Id;
        PublishedByName = by.Name;
        ExpiresOn = expiresOn;
    }

    internal void End(DateTimeOffset at, OnlineCopyEnd why)
    {
        EndedAt ??= at.ToUniversalTime();
        EndedBecause ??= why;
    }

    /// <summary>Counts a wrong identity number; answers whether the downloads are now locked.</summary>
    internal bool CountWrong(DateTimeOffset at)
    {
        var today = BangkokTime.DateOf(at);
        if (WrongChecksOn != today)
        {
            WrongChecksOn = today;
            WrongChecks = 0;
        }
        WrongChecks++;
        if (WrongChecks >= DailyWrongLimit)
        {
            LockedAt ??= at.ToUniversalTime();
        }
        return LockedAt is not null;
    }

    internal void Reopen()
    {
        LockedAt = null;
        WrongChecks = 0;
        WrongChecksOn = null;
    }
}
