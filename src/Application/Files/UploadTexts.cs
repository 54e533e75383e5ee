using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Files;

/// <summary>What an upload is told when it is refused, written once from <see cref="UploadLimits"/>.</summary>
public static class UploadTexts
{
    public const string NamePlaceholder = "{name}";

    public static readonly Text Types = new("PDF, JPEG หรือ PNG", "PDF, JPEG or PNG");

    public static readonly Text WrongType = new(
        $"ไฟล์ {NamePlaceholder} ไม่ใช่ไฟล์ {Types.Th} (ระบบตรวจจากเนื้อไฟล์ ไม่ใช่ชื่อไฟล์) กรุณาแนบไฟล์ {Types.Th} เช่น ถ่ายภาพเอกสารแล้วแนบภาพนั้น",
        $"{NamePlaceholder} is not a {Types.En} file (its content was checked, not its name). Please attach a {Types.En} file, e.g. a photo of the document.");

    public static Text TooLarge(long maxBytes) => new(
        $"ไฟล์ {NamePlaceholder} มีขนาดเกิน {Sizes.Megabytes(maxBytes)} กรุณาลดขนาดไฟล์ (เช่น ถ่ายภาพให้ความละเอียดต่ำลง) แล้วแนบใหม่",
        $"{NamePlaceholder} is larger than {Sizes.Megabytes(maxBytes)}. Please make it smaller (e.g. a lower-resolution photo) and attach it again.");

    public static readonly Text TotalTooLarge = new(
        $"ไฟล์แนบทั้งหมดรวมกันเกิน {Sizes.Megabytes(UploadLimits.MaxTotalBytes)} กรุณาแนบไฟล์ให้น้อยลงหรือเล็กลง",
        $"The attachments together are larger than {Sizes.Megabytes(UploadLimits.MaxTotalBytes)}. Please attach fewer or smaller files.");

    public static readonly Text Empty = new("ไฟล์ว่างเปล่า กรุณาเลือกไฟล์ใหม่", "The file is empty; please choose another.");

    public static readonly Text SignatureNotPng = new("ลายมือชื่อต้องเป็นไฟล์ภาพ PNG กรุณาลงลายมือชื่อใหม่", "The signature must be a PNG image; please sign again.");

    public static readonly Text SignatureUnreadable = new("เปิดภาพลายมือชื่อไม่ได้ กรุณาลงลายมือชื่อใหม่", "The signature image could not be read; please sign again.");

    public static readonly Text SignatureTooBig = new(
        $"ภาพลายมือชื่อใหญ่เกิน {UploadLimits.MaxSignatureWidth} × {UploadLimits.MaxSignatureHeight} พิกเซล กรุณาลงลายมือชื่อใหม่",
        $"The signature image is larger than {UploadLimits.MaxSignatureWidth} × {UploadLimits.MaxSignatureHeight} pixels; please sign again.");

    public static readonly Text SignatureBlank = new(
        "ลายมือชื่อว่างเปล่า กรุณาลงลายมือชื่อในกรอบ หรือเลือกลงชื่อโดยพิมพ์ชื่อ", "The signature is blank. Please sign in the box, or choose to sign by typing your name.");

    public static readonly Text Infected = new(
        $"ไฟล์ {NamePlaceholder} มีไวรัสหรือมัลแวร์ ระบบไม่รับไฟล์นี้และไม่ได้บันทึกคำร้อง กรุณาตรวจเครื่องของท่านแล้วส่งไฟล์ที่ปลอดภัย",
        $"{NamePlaceholder} contains a virus or malware. It was refused and the request was not saved; please check your device and send a clean file.");

    /// <summary>A message with the file's name in it.</summary>
    public static Text Named(Text message, string fileName) =>
        new(message.Th.Replace(NamePlaceholder, fileName, StringComparison.Ordinal), message.En.Replace(NamePlaceholder, fileName, StringComparison.Ordinal));
}
