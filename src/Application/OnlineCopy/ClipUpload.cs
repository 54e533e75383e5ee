namespace CctvRequests.Application.OnlineCopy;

/// <summary>
/// A resumable clip upload under way (ADR 0017): which request, what file, how big it will be. Its bytes so far
/// are in the intake's file of the same id; the row goes when the clip is complete, cancelled, or idle for
/// <see cref="OnlineCopyOptions.UnfinishedUploadHours"/>.
/// </summary>
public sealed class ClipUpload
{
    public const int FileNameMax = 255;

    private ClipUpload()
    {
        FileName = CreatedById = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string FileName { get; private set; }
    public long TotalBytes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedById { get; private set; }

    public static ClipUpload Create(Guid requestId, string fileName, long totalBytes, string createdById, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        RequestId = requestId,
        FileName = fileName,
        TotalBytes = totalBytes,
        CreatedAt = at.ToUniversalTime(),
        CreatedById = createdById,
    };
}
