using System.Text.RegularExpressions;
using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Requests;

/// <summary>One clip handed over: what proves later exactly which file left the office.</summary>
public sealed partial record HandOverClip
{
    public const int FileNameMax = 255;

    private HandOverClip(string fileName, long sizeBytes, string sha256)
    {
        FileName = fileName;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
    }

    public string FileName { get; private init; }
    public long SizeBytes { get; private init; }

    /// <summary>Lower-case hex SHA-256, computed in the officer's browser.</summary>
    public string Sha256 { get; private init; }

    public static bool IsSha256(string? value) => value is not null && HexPattern().IsMatch(value);

    public static HandOverClip Create(string fileName, long sizeBytes, string sha256)
    {
        if (sizeBytes <= 0 || !IsSha256(sha256))
        {
            throw new DomainException("handover.clip", new Text("ไฟล์ที่ส่งมอบต้องมีขนาดและค่า SHA-256 ที่ถูกต้อง", "A clip needs its size and a valid SHA-256."));
        }
        return new HandOverClip(Guard.Text(fileName, "fileName", 1, FileNameMax), sizeBytes, sha256);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HexPattern();
}

/// <summary>One download of a clip delivered online: which clip, when, how many bytes went, to which client (an IPv4 address or an IPv6 /64).</summary>
public sealed class HandOverDownload
{
    public const int ClientMax = 64;

    private HandOverDownload()
    {
        FileName = Sha256 = Client = string.Empty;
    }

    public string FileName { get; private set; }
    public string Sha256 { get; private set; }
    public DateTimeOffset At { get; private set; }
    public long BytesSent { get; private set; }

    /// <summary>Whether the bytes sent were the whole clip (a resumed download sends the rest in a second row).</summary>
    public long? RangeStart { get; private set; }

    public string Client { get; private set; }

    internal static HandOverDownload Create(DeliveredClip clip, DateTimeOffset at, long bytesSent, long? rangeStart, string client) => new()
    {
        FileName = clip.FileName,
        Sha256 = clip.Sha256,
        At = at.ToUniversalTime(),
        BytesSent = bytesSent,
        RangeStart = rangeStart,
        Client = client.Length > ClientMax ? client[..ClientMax] : client,
    };
}

/// <summary>
/// SPEC §8.12: an approved copy leaving the office: which clips (name, size, SHA-256), on what medium,
/// to whom, by which officer and when, with the recipient's signature for receipt. A copy delivered online
/// (SPEC decision 16) is a hand-over too: made by the system when the officer publishes the clips, without a
/// signature, and every download is added to it.
/// </summary>
public sealed class HandOver
{
    public const int MediumMax = 200;
    public const int ReceivedByMax = 200;
    public const int MaxClips = 200;
    public static readonly Text OnlineMedium = new("ดาวน์โหลดทางออนไลน์", "Downloaded online");
    public static readonly Text OnlineRecipient = new("ผู้ยื่นคำร้อง (ยืนยันด้วยเลขบัตรประชาชนหรือเลขหนังสือเดินทาง)", "The applicant (confirmed by the ID or passport number)");

    private readonly List<HandOverClip> _clips = [];
    private readonly List<HandOverDownload> _downloads = [];

    private HandOver()
    {
        RecordedById = RecordedByName = Medium = ReceivedBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public string RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Medium { get; private set; }
    public string ReceivedBy { get; private set; }

    /// <summary>The recipient's signature (PNG); erased with the rest of the personal data.</summary>
    public byte[]? SignaturePng { get; private set; }

    public IReadOnlyList<HandOverClip> Clips => _clips;

    /// <summary>True for the copy delivered online.</summary>
    public bool IsOnline { get; private set; }

    public IReadOnlyList<HandOverDownload> Downloads => _downloads;

    internal void AddDownload(HandOverDownload download) => _downloads.Add(download);

    /// <summary>Erasure: who received it and their signature go; what was handed over (clips, hashes, medium) stays.</summary>
    internal void ErasePersonalData()
    {
        ReceivedBy = string.Empty;
        SignaturePng = null;
    }

    /// <summary>The copy delivered online, recorded by the system when the officer publishes it.</summary>
    internal static HandOver CreateOnline(Actor by, DateTimeOffset at, IReadOnlyCollection<HandOverClip> clips)
    {
        if (clips.Count is 0 or > MaxClips)
        {
            throw new DomainException("handover.clips", new Text($"ต้องมีไฟล์ที่ส่งมอบ 1 ถึง {MaxClips} ไฟล์", $"A hand-over has 1 to {MaxClips} clips."));
        }
        var handOver = new HandOver
        {
            Id = Guid.CreateVersion7(at),
            RecordedById = Guard.Text(by.Id, "recordedBy", 1, Actor.IdMax),
            RecordedByName = Guard.Text(by.Name, "recordedByName", 1, Actor.NameMax),
            At = at.ToUniversalTime(),
            Medium = OnlineMedium.Th,
            ReceivedBy = OnlineRecipient.Th,
            IsOnline = true,
        };
        handOver._clips.AddRange(clips);
        return handOver;
    }

    internal static HandOver Create(Actor by, DateTimeOffset at, string medium, string receivedBy, IReadOnlyCollection<HandOverClip> clips, byte[] signaturePng)
    {
        if (clips.Count is 0 or > MaxClips)
        {
            throw new DomainException("handover.clips", new Text($"ต้องมีไฟล์ที่ส่งมอบ 1 ถึง {MaxClips} ไฟล์", $"A hand-over has 1 to {MaxClips} clips."));
        }
        if (signaturePng.Length == 0)
        {
            throw new DomainException("handover.signature", new Text("ต้องมีลายมือชื่อผู้รับ", "The recipient must sign."));
        }
        var handOver = new HandOver
        {
            Id = Guid.CreateVersion7(at),
            RecordedById = Guard.Text(by.Id, "recordedBy", 1, Actor.IdMax),
            RecordedByName = Guard.Text(by.Name, "recordedByName", 1, Actor.NameMax),
            At = at.ToUniversalTime(),
            Medium = Guard.Text(medium, "medium", 1, MediumMax),
            ReceivedBy = Guard.Text(receivedBy, "receivedBy", 1, ReceivedByMax),
            SignaturePng = signaturePng,
        };
        handOver._clips.AddRange(clips);
        return handOver;
    }
}
