using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;

namespace CctvRequests.Application.Staff.RecordHandOver;

public sealed class HandOverFormValidator : AbstractValidator<HandOverForm>
{
    public static readonly Text SignatureInvalid = new(
        "กรุณาให้ผู้รับลงลายมือชื่อในกรอบ (ภาพ PNG ที่มีลายมือชื่อ)", "The recipient must sign in the box (a PNG with a signature).");

    public HandOverFormValidator(IImageInspector images)
    {
        RuleFor(x => x.Medium).StaffText("medium", HandOver.MediumMax, new Text("กรุณาระบุสื่อบันทึกข้อมูล", "Please name the storage medium."));
        RuleFor(x => x.ReceivedBy).StaffText("receivedBy", HandOver.ReceivedByMax, new Text("กรุณาระบุชื่อผู้รับ", "Please name who received it."));
        RuleFor(x => x.Clips)
            .Must(c => c is { Count: > 0 and <= HandOver.MaxClips })
            .Says(new Text($"กรุณาเลือกไฟล์ที่ส่งมอบ 1 ถึง {HandOver.MaxClips} ไฟล์", $"Choose 1 to {HandOver.MaxClips} clips."))
            .OverridePropertyName("clips");
        RuleForEach(x => x.Clips).ChildRules(clip =>
        {
            clip.RuleFor(c => c.FileName).StaffText("fileName", HandOverClip.FileNameMax, new Text("ไม่มีชื่อไฟล์", "The file has no name."));
            clip.RuleFor(c => c.SizeBytes).Must(s => s is > 0).Says(new Text("ไฟล์ว่างเปล่า", "The file is empty.")).OverridePropertyName("sizeBytes");
            clip.RuleFor(c => c.Sha256).Must(h => HandOverClip.IsSha256(h?.Trim().ToLowerInvariant()))
                .Says(new Text("ค่า SHA-256 ต้องเป็นเลขฐานสิบหก 64 ตัว", "A SHA-256 is 64 hexadecimal digits.")).OverridePropertyName("sha256");
        }).OverridePropertyName("clips");
        RuleFor(x => x.SignaturePng)
            .Must(v => HandOverForm.Decode(v) is { } png && png.Length <= UploadLimits.MaxSignatureBytes
                       && images.InspectPng(png, UploadLimits.MaxSignatureWidth, UploadLimits.MaxSignatureHeight) is { IsBlank: false } facts
                       && facts.Width <= UploadLimits.MaxSignatureWidth && facts.Height <= UploadLimits.MaxSignatureHeight)
            .Says(SignatureInvalid)
            .OverridePropertyName("signaturePng");
    }
}
