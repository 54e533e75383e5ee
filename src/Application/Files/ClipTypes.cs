namespace CctvRequests.Application.Files;

/// <summary>
/// The video files an NVR exports, told by their first bytes, never by their name (SPEC decision 16): MP4 and
/// MOV (<c>ftyp</c>), AVI (RIFF AVI), Matroska and WebM (EBML), ASF/WMV, MPEG-TS (a sync byte every 188), and the
/// Dahua (<c>DHAV</c>) and Hikvision (<c>IMKH</c>) native exports. Programs and archives are refused by name: many
/// NVRs export a player <c>.exe</c>, or zip the video with it.
/// </summary>
public static class ClipTypes
{
    public const string Mp4 = "video/mp4";
    public const string QuickTime = "video/quicktime";
    public const string Avi = "video/x-msvideo";
    public const string Matroska = "video/x-matroska";
    public const string WebM = "video/webm";
    public const string Asf = "video/x-ms-asf";
    public const string MpegTs = "video/mp2t";
    public const string Dahua = "video/x-dahua-dav";
    public const string Hikvision = "video/x-hikvision";

    public static readonly IReadOnlyList<string> Accepted = [Mp4, QuickTime, Avi, Matroska, WebM, Asf, MpegTs, Dahua, Hikvision];

    /// <summary>Bytes read before deciding: three MPEG-TS packets.</summary>
    public const int HeaderLength = 3 * 188 + 1;

    public enum Refusal
    {
        NotAVideo,
        Program,
        Archive,
    }

    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return head[8..12].SequenceEqual("qt  "u8) ? QuickTime : Mp4;
        }
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("AVI "u8))
        {
            return Avi;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return head[..Math.Min(head.Length, 64)].IndexOf("webm"u8) >= 0 ? WebM : Matroska;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C]))
        {
            return Asf;
        }
        if (head.Length >= HeaderLength && head[0] == 0x47 && head[188] == 0x47 && head[376] == 0x47)
        {
            return MpegTs;
        }
        if (head.StartsWith("DHAV"u8))
        {
            return Dahua;
        }
        return head.StartsWith("IMKH"u8) ? Hikvision : null;
    }

    /// <summary>Why a file that is not a video was refused: a program and an archive get their own advice.</summary>
    public static Refusal WhyNot(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]) || head.StartsWith("#!"u8)
        || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE])
            ? Refusal.Program
            : head.StartsWith("PK"u8) || head.StartsWith("Rar!"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C])
              || head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) || head.StartsWith("BZh"u8) || head.StartsWith((ReadOnlySpan<byte>)[0xFD, 0x37, 0x7A, 0x58, 0x5A])
                ? Refusal.Archive
                : Refusal.NotAVideo;

    public static string Extension(string contentType) => contentType switch
    {
        Mp4 => ".mp4",
        QuickTime => ".mov",
        Avi => ".avi",
        Matroska => ".mkv",
        WebM => ".webm",
        Asf => ".wmv",
        MpegTs => ".ts",
        Dahua => ".dav",
        Hikvision => ".hik",
        _ => ".bin",
    };

    public static Domain.Common.Text Message(Refusal refusal) => refusal switch
    {
        Refusal.Program => new(
            "ไฟล์นี้เป็นโปรแกรม ไม่ใช่ไฟล์ภาพ กรุณาส่งออก (Export) เฉพาะไฟล์วิดีโอจากเครื่องบันทึก (NVR) ไม่ต้องรวมโปรแกรมเล่นภาพ",
            "This file is a program, not a video. Export the video itself from the NVR, without the player."),
        Refusal.Archive => new(
            "ไฟล์นี้เป็นไฟล์บีบอัด (เช่น zip) กรุณาแตกไฟล์ แล้วอัปโหลดเฉพาะไฟล์วิดีโอ",
            "This file is an archive (such as a zip). Unpack it and upload the video files themselves."),
        _ => new(
            "ไม่รู้จักชนิดไฟล์นี้ว่าเป็นไฟล์วิดีโอ กรุณาอัปโหลดไฟล์ MP4, MOV, AVI, MKV, WebM, WMV, TS หรือไฟล์ที่ส่งออกจากเครื่อง Dahua (.dav) หรือ Hikvision",
            "This is not a video file we recognise. Upload MP4, MOV, AVI, MKV, WebM, WMV or TS, or a Dahua (.dav) or Hikvision export."),
    };
}
