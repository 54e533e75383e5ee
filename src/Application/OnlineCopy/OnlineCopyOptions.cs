namespace CctvRequests.Application.OnlineCopy;

/// <summary><c>Delivery:*</c>: the online copy's limits (SPEC decision 16), shown to staff by <c>GET /api/staff/form-settings</c>.</summary>
public sealed class OnlineCopyOptions
{
    public const string Section = "Delivery";

    /// <summary>Clips per request.</summary>
    public int MaxClips { get; set; } = 20;

    /// <summary>Bytes per clip: 4 GiB.</summary>
    public long MaxClipBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Days the clips stay downloadable when the officer names no day.</summary>
    public int DefaultExpiryDays { get; set; } = 14;

    /// <summary>The furthest expiry an officer may set.</summary>
    public int MaxExpiryDays { get; set; } = 60;

    /// <summary>The pieces a resumable upload is sent in (the page uses this size).</summary>
    public int ChunkBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>An unfinished resumable upload is discarded after this many hours.</summary>
    public int UnfinishedUploadHours { get; set; } = 24;

    /// <summary>How long the download session a correct identity number opens lasts.</summary>
    public int SessionMinutes { get; set; } = 15;
}
