using System.Diagnostics;
using System.IO.Compression;

namespace CctvRequests.TestSupport;

/// <summary>
/// Real video clips made by Debian's ffmpeg (which <c>./test.sh</c> installs): a 2-second test pattern as MP4 (H.264)
/// and as Matroska, made once per test run; and the files an NVR export may wrongly hold: its player program, a zip.
/// </summary>
public static class TestClips
{
    public const string Ffmpeg = "/usr/bin/ffmpeg";
    private static readonly string Folder = Directory.CreateTempSubdirectory("cctv-test-clips-").FullName;
    private static readonly Lazy<byte[]> Mp4Clip = new(() => Make("clip.mp4", ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]));
    private static readonly Lazy<byte[]> MkvClip = new(() => Make("clip.mkv", ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]));

    public static byte[] Mp4 => Mp4Clip.Value;

    public static byte[] Mkv => MkvClip.Value;

    /// <summary>A Windows program, as NVRs ship their players: refused.</summary>
    public static byte[] Program => [.. "MZ"u8, .. new byte[510]];

    /// <summary>A zip holding the clip (named .mp4 by the test): refused.</summary>
    public static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("clip.mp4").Open();
            entry.Write(Mp4);
        }
        return buffer.ToArray();
    }

    /// <summary>A real MP4 with the EICAR test signature inside: clamd finds it.</summary>
    public static byte[] Mp4WithEicar => [.. Mp4, .. TestClamav.Eicar];

    private static byte[] Make(string name, string[] codec)
    {
        if (!File.Exists(Ffmpeg))
        {
            throw new InvalidOperationException($"{Ffmpeg} is missing: run ./test.sh, which installs Debian's ffmpeg.");
        }
        var path = Path.Combine(Folder, name);
        var start = new ProcessStartInfo(Ffmpeg, ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=25", .. codec, path])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? File.ReadAllBytes(path) : throw new InvalidOperationException($"ffmpeg failed: {errors}");
    }
}
