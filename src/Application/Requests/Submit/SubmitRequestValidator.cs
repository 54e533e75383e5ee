using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Requests.Submit;

/// <summary>Every rule of the citizen's form, each failing alone with its own Thai and English message.</summary>
public sealed class SubmitRequestValidator : AbstractValidator<SubmitRequestCommand>
{
    public SubmitRequestValidator(IAppDbContext db, TimeProvider clock, ISubmissionSettings settings)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(x => x.WrittenOn)
            .NotEmpty().Says("กรุณาระบุวันที่เขียน", "Please enter the date written.")
            .Must(v => ThaiDates.TryParseIsoDate(v, out _)).Says("วันที่เขียนไม่ใช่วันที่ที่ถูกต้อง", "The date written is not a valid date.")
            .Must(v => Date(v) <= BangkokTime.Today(clock)).Says("วันที่เขียนต้องไม่เป็นวันในอนาคต", "The date written cannot be in the future.");

        Text(RuleFor(x => x.Title), 1, RequestLimits.TitleMax, "คำนำหน้าชื่อ", "title");
        Name(RuleFor(x => x.FirstName), "ชื่อ", "first name");
        Name(RuleFor(x => x.LastName), "นามสกุล", "last name");

        RuleFor(x => x.NationalId)
            .NotEmpty().Says("กรุณากรอกเลขบัตรประชาชน", "Please enter the national ID number.")
            .Must(v => Domain.Common.NationalId.Normalize(v!).Length == Domain.Common.NationalId.Length && ThaiDigits.AllAscii(Domain.Common.NationalId.Normalize(v!)))
            .Says("เลขบัตรประชาชนต้องมี 13 หลัก", "The national ID must have 13 digits.")
            .Must(v => Domain.Common.NationalId.TryParse(v, out _))
            .Says("เลขบัตรประชาชนไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง", "The national ID is not valid; please check it.");

        RuleFor(x => x.Age)
            .NotEmpty().Says("กรุณากรอกอายุ", "Please enter your age.")
            .Must(v => FormNumbers.TryParseInt(v, out _)).Says("อายุต้องเป็นตัวเลข", "Age must be a whole number.")
            .Must(v => FormNumbers.TryParseInt(v, out var age) && age is >= RequestLimits.AgeMin and <= RequestLimits.AgeMax)
            .Says("อายุต้องอยู่ระหว่าง 1 ถึง 120 ปี", "Age must be between 1 and 120.");

        RuleFor(x => x.Ethnicity)
            .MaximumLength(RequestLimits.EthnicityMax).Says("เชื้อชาติยาวเกิน 50 ตัวอักษร", "Ethnicity must be at most 50 characters.");
        Text(RuleFor(x => x.Nationality), 1, RequestLimits.NationalityMax, "สัญชาติ", "nationality");
        Text(RuleFor(x => x.Address), RequestLimits.AddressMin, RequestLimits.AddressMax, "ที่อยู่ปัจจุบัน", "current address");

        RuleFor(x => x.Phone)
            .NotEmpty().Says("กรุณากรอกหมายเลขโทรศัพท์", "Please enter a phone number.")
            .Must(v => ThaiPhoneNumber.TryParse(v, out _))
            .Says("หมายเลขโทรศัพท์ไม่ถูกต้อง เช่น 081-234-5678 หรือ 054-237600", "Enter a complete Thai phone number, e.g. 081-234-5678 or 054-237600.");

        RuleFor(x => x.Purpose)
            .NotEmpty().Says("กรุณาเลือกวัตถุประสงค์ที่จะขอ", "Please choose what you are asking for.")
            .Must(v => ParsePurpose(v) is not null).Says("วัตถุประสงค์ต้องเป็น ขอดูข้อมูลภาพ หรือ ขอสำเนาข้อมูลภาพ", "Purpose must be View or Copy.");

        RuleFor(x => x.FileCount)
            .NotEmpty().Says("กรุณากรอกจำนวนไฟล์ที่ขอ", "Please enter the number of files.")
            .Must(v => FormNumbers.TryParseInt(v, out var n) && n is >= RequestLimits.FileCountMin and <= RequestLimits.FileCountMax)
            .Says("จำนวนไฟล์ที่ขอต้องอยู่ระหว่าง 1 ถึง 50", "The number of files must be between 1 and 50.")
            .When(x => ParsePurpose(x.Purpose) == Domain.Requests.Purpose.Copy);

        RuleFor(x => x.StationId)
            .NotEmpty().Says("กรุณาเลือกสถานที่เกิดเหตุ", "Please choose where it happened.")
            .Must(v => FormNumbers.TryParseInt(v, out _)).Says("สถานที่เกิดเหตุไม่ถูกต้อง", "The location is not valid.")
            .MustAsync(async (v, ct) =>
            {
                FormNumbers.TryParseInt(v, out var id);
                return await db.Stations.AnyAsync(s => s.Id == id && s.IsActive, ct);
            })
            .Says("ไม่พบสถานที่เกิดเหตุที่เลือก หรือสถานีนี้ไม่เปิดรับคำร้อง", "The chosen location does not exist or does not take requests.");

        RuleFor(x => x.IncidentDate)
            .NotEmpty().Says("กรุณาระบุวันที่เกิดเหตุ", "Please enter the date of the incident.")
            .Must(v => ThaiDates.TryParseIsoDate(v, out _)).Says("วันที่เกิดเหตุไม่ใช่วันที่ที่ถูกต้อง", "The incident date is not a valid date.")
            .Must(v => Date(v) <= BangkokTime.Today(clock)).Says("วันที่เกิดเหตุต้องไม่เป็นวันในอนาคต", "The incident date cannot be in the future.")
            .Must((x, v) => !ThaiDates.TryParseIsoDate(x.WrittenOn, out var written) || Date(v) <= written)
            .Says("วันที่เกิดเหตุต้องไม่อยู่หลังวันที่เขียน", "The incident date cannot be after the date written.");

        RuleFor(x => x.IncidentTime)
            .NotEmpty().Says("กรุณาระบุเวลาที่เกิดเหตุ (โดยประมาณ)", "Please enter the approximate time.")
            .Must(v => ThaiDates.TryParseTime(v, out _)).Says("เวลาต้องอยู่ในรูปแบบ ชช:นน เช่น 14:30", "The time must be HH:mm, e.g. 14:30.");

        Text(RuleFor(x => x.Reason), RequestLimits.ReasonMin, RequestLimits.ReasonMax, "เหตุผล/ความจำเป็น", "reason");

        RuleFor(x => x.PrivacyAccepted)
            .Must(v => string.Equals(v?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            .Says("กรุณาอ่านและยอมรับนโยบายความเป็นส่วนตัว (PDPA)", "Please read and accept the privacy notice (PDPA).");

        RuleFor(x => x.PrivacyNoticeVersion)
            .NotEmpty().Says("ไม่ทราบฉบับของนโยบายความเป็นส่วนตัวที่แสดง", "The privacy notice version is missing.")
            .MaximumLength(RequestLimits.NoticeVersionMax).Says("ฉบับของนโยบายความเป็นส่วนตัวไม่ถูกต้อง", "The privacy notice version is not known.")
            .MustAsync((v, ct) => db.PrivacyNotices.AnyAsync(n => n.Version == v!.Trim(), ct))
            .Says("ฉบับของนโยบายความเป็นส่วนตัวไม่ถูกต้อง กรุณาโหลดหน้าใหม่", "The privacy notice version is not known; please reload the page.");

        RuleFor(x => x.IdCardCopy)
            .NotNull().Says("กรุณาแนบสำเนาบัตรประชาชน", "Please attach a copy of your ID card.");

        RuleFor(x => x.PoliceReport)
            .NotNull().Says("กรุณาแนบสำเนาบันทึกแจ้งความ", "Please attach a copy of the police report.")
            .When(_ => settings.PoliceReportRequired);

        RuleFor(x => x.OtherDocuments)
            .Must(v => v.Count <= RequestLimits.OtherDocumentsMax)
            .Says("แนบเอกสารอื่นๆ ได้ไม่เกิน 5 ไฟล์", "At most 5 other documents can be attached.");

        RuleFor(x => x.Signature)
            .NotNull().Says("กรุณาลงลายมือชื่อในกรอบ", "Please sign in the box.")
            .Must(s => s!.Image is not null).Says("ลายมือชื่อต้องเป็นไฟล์ภาพ PNG ที่เปิดได้", "The signature must be a readable PNG image.")
            .Must(s => s!.Image!.Width <= UploadLimits.MaxSignatureWidth && s.Image.Height <= UploadLimits.MaxSignatureHeight)
            .Says("ภาพลายมือชื่อต้องมีขนาดไม่เกิน 2000 × 1000 พิกเซล", "The signature image must be at most 2000 × 1000 pixels.")
            .Must(s => !s!.Image!.IsBlank).Says("กรุณาลงลายมือชื่อในกรอบ (ลายมือชื่อว่างเปล่า)", "Please sign in the box (the signature is blank).");
    }

    public static Purpose? ParsePurpose(string? value) =>
        Enum.TryParse<Purpose>(value?.Trim(), ignoreCase: true, out var purpose) && Enum.IsDefined(purpose) && !int.TryParse(value, out _)
            ? purpose
            : null;

    private static DateOnly Date(string? value) => ThaiDates.TryParseIsoDate(value, out var date) ? date : DateOnly.MinValue;

    private static void Text(IRuleBuilderInitial<SubmitRequestCommand, string?> rule, int min, int max, string th, string en) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).Says($"กรุณากรอก{th}", $"Please enter your {en}.")
            .Must(v => v!.Trim().Length >= min).Says($"{th}ต้องมีอย่างน้อย {min} ตัวอักษร", $"The {en} must be at least {min} characters.")
            .Must(v => v!.Trim().Length <= max).Says($"{th}ต้องไม่เกิน {max} ตัวอักษร", $"The {en} must be at most {max} characters.");

    private static void Name(IRuleBuilderInitial<SubmitRequestCommand, string?> rule, string th, string en) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).Says($"กรุณากรอก{th}", $"Please enter your {en}.")
            .Must(v => v!.Trim().Length <= RequestLimits.NameMax).Says($"{th}ต้องไม่เกิน {RequestLimits.NameMax} ตัวอักษร", $"The {en} must be at most {RequestLimits.NameMax} characters.")
            .Must(v => v!.Any(char.IsLetter) && !v!.Any(c => char.IsDigit(c) || char.IsControl(c) || c is '<' or '>'))
            .Says($"{th}ต้องเป็นตัวอักษร ไม่มีตัวเลขหรือสัญลักษณ์พิเศษ", $"The {en} must be letters, without digits or special symbols.");
}
