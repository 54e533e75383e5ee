using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Domain.Common;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure.Files;

/// <summary>
/// Clips arrive in the node's staging area (<see cref="StagingArea.Clips"/> tells their type); a resumable
/// upload's pieces are appended to <c>Storage:Root/uploads/{id}.part</c>, which a restart keeps (unlike the
/// scratch folder), so an interrupted upload continues after one. Every clip is scanned whole by clamd before
/// anyone sees it. With several nodes, a resumable upload's pieces must reach one node (ADR 0017).
/// </summary>
public sealed class ClipIntake(IStoredObjects store, IVirusScanner scanner, IOptions<StorageOptions> options) : IClipIntake
{
    public const string Field = "file";

    public static readonly Text Infected = new(
        "พบไวรัสหรือโปรแกรมไม่พึงประสงค์ในไฟล์ภาพนี้ ระบบไม่ได้เก็บไฟล์ไว้ กรุณาส่งออกไฟล์จากเครื่องบันทึกใหม่",
        "The virus scanner found malware in this clip; it was not kept. Export the clip from the NVR again.");

    private string Folder { get; } = Prepare(Path.Combine(options.Value.Root, "uploads"));

    public async Task<StagedFile> ReceiveAsync(Stream content, string? fileName, long maxBytes, CancellationToken cancellationToken)
    {
        var staged = await store.Staging.StageAsync(Field, fileName, content, maxBytes, StagingArea.Clips, cancellationToken);
        if (staged.SizeBytes == 0)
        {
            throw new UnsupportedFileTypeException(Field, ClipTypes.Message(ClipTypes.Refusal.NotAVideo));
        }
        await ScanOrDiscardAsync(staged.TempPath, cancellationToken);
        return staged;
    }

    public long Received(Guid uploadId)
    {
        var path = PartOf(uploadId);
        return File.Exists(path) ? new FileInfo(path).Length : 0;
    }

    public async Task<long> AppendAsync(Guid uploadId, long offset, Stream piece, long length, CancellationToken cancellationToken)
    {
        var path = PartOf(uploadId);
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate, Access = FileAccess.Write, Share = FileShare.None, BufferSize = StagingArea.BufferSize, Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        // One writer at a time (FileShare.None): a second piece racing this one fails here and is told to ask again.
        await using var file = StagingArea.Disk(() => new FileStream(path, options));
        if (file.Length != offset)
        {
            throw new ConflictException(new Text(
                $"ไฟล์นี้ได้รับแล้ว {file.Length} ไบต์ กรุณาส่งต่อจากตำแหน่งนั้น", $"This upload holds {file.Length} bytes; send from there."));
        }
        file.Position = offset;
        var buffer = new byte[StagingArea.BufferSize];
        long copied = 0;
        int read;
        while (copied < length && (read = await piece.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - copied)), cancellationToken)) > 0)
        {
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            copied += read;
        }
        if (copied != length || await piece.ReadAsync(buffer.AsMemory(0, 1), cancellationToken) > 0)
        {
            // The piece is not what Content-Range said: keep only what was there before it.
            file.SetLength(offset);
            throw new RangeNotSatisfiableException(new Text(
                "ขนาดของส่วนที่ส่งมาไม่ตรงกับ Content-Range กรุณาส่งส่วนนั้นใหม่", "The piece's length does not match its Content-Range; send it again."));
        }
        file.Flush(flushToDisk: true);
        return file.Length;
    }

    public async Task<StagedFile> CompleteAsync(Guid uploadId, string? fileName, CancellationToken cancellationToken)
    {
        var path = PartOf(uploadId);
        var staged = await StagingArea.InspectAsync(Field, path, fileName, StagingArea.Clips, cancellationToken);
        await ScanOrDiscardAsync(path, cancellationToken);
        return staged;
    }

    public void Discard(Guid uploadId) => StagingArea.TryDelete(PartOf(uploadId));

    public int DiscardIdle(DateTime before) =>
        Directory.EnumerateFiles(Folder, "*.part").Where(f => File.GetLastWriteTimeUtc(f) <= before).ToList().Count(StagingArea.TryDelete);

    private async Task ScanOrDiscardAsync(string path, CancellationToken cancellationToken)
    {
        string? found;
        try
        {
            found = await scanner.ScanAsync(path, cancellationToken);
        }
        catch
        {
            StagingArea.TryDelete(path);
            throw;
        }
        if (found is not null)
        {
            StagingArea.TryDelete(path);
            throw new InfectedFileException(Field, Infected);
        }
    }

    private string PartOf(Guid uploadId) => Path.Combine(Folder, uploadId.ToString("N") + ".part");

    private static string Prepare(string folder)
    {
        StagingArea.CreatePrivateDirectory(folder);
        return folder;
    }
}
