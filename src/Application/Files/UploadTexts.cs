using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Files;

/// <summary>What an upload is told when it is refused, written once from <see cref="UploadLimits"/>.</summary>
public static class UploadTexts
{
    public const string NamePlaceholder = "{name}";

    public static readonly Text Types = new("PDF, JPEG หรือ PNG", "PDF, JPEG or PNG");

    public static readonly Text WrongType = new(
        $"ไฟล์ {NamePlaceholder} ไม่ใช่ {Types.Th} (ตรวจจากเนื้อไฟล์ ไม่ใช่ชื่อไฟล์)",
        $"{NamePlaceholder} is not a {Types.En} file (its content was checked, not its name).");

    public static Text TooLarge(long maxBytes) => new(
        $"ไฟล์ {NamePlaceholder} มีขนาดเกิน {Sizes.Megabytes(maxBytes)}",
        $"{NamePlaceholder} is larger than {Sizes.Megabytes(maxBytes)}.");

    public static readonly Text TotalTooLarge = new(
        $"ไฟล์แนบทั้งหมดรวมกันต้องไม่เกิน {Sizes.Megabytes(UploadLimits.MaxTotalBytes)}",
        $"The attachments together must not exceed {Sizes.Megabytes(UploadLimits.MaxTotalBytes)}.");

    public static readonly Text Empty = new("ไฟล์ว่างเปล่า กรุณาเลือกไฟล์ใหม่", "The file is empty; please choose another.");

    public static readonly Text SignatureNotPng = new("ลายมือชื่อต้องเป็นไฟล์ภาพ PNG", "The signature must be a PNG image.");

    public static readonly Text SignatureUnreadable = new("ลายมือชื่อต้องเป็นไฟล์ภาพ PNG ที่เปิดได้", "The signature must be a readable PNG image.");

    public static readonly Text SignatureTooBig = new(
        $"ภาพลายมือชื่อต้องมีขนาดไม่เกิน {UploadLimits.MaxSignatureWidth} × {UploadLimits.MaxSignatureHeight} พิกเซล",
        $"The signature image must be at most {UploadLimits.MaxSignatureWidth} × {UploadLimits.MaxSignatureHeight} pixels.");

    public static readonly Text SignatureBlank = new("กรุณาลงลายมือชื่อในกรอบ (ลายมือชื่อว่างเปล่า)", "Please sign in the box (the signature is blank).");

    public static readonly Text Infected = new(
        $"ไฟล์ {NamePlaceholder} มีไวรัสหรือมัลแวร์ ระบบไม่รับไฟล์นี้และไม่ได้บันทึกคำร้อง กรุณาตรวจเครื่องของท่านแล้วส่งไฟล์ที่ปลอดภัย",
        $"{NamePlaceholder} contains a virus or malware. It was refused and the request was not saved; please check your device and send a clean file.");

    /// <summary>A message with the file's name in it.</summary>
    public static Text Named(Text message, string fileName) =>
        new(message.Th.Replace(NamePlaceholder, fileName, StringComparison.Ordinal), message.En.Replace(NamePlaceholder, fileName, StringComparison.Ordinal));
}
