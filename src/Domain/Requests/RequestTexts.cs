using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Requests;

/// <summary>Messages about a request's own rules, written once from the limits they talk about.</summary>
public static class RequestTexts
{
    public static readonly Text AgeRange = new(
        $"อายุต้องอยู่ระหว่าง {RequestLimits.AgeMin} ถึง {RequestLimits.AgeMax} ปี",
        $"Age must be between {RequestLimits.AgeMin} and {RequestLimits.AgeMax}.");

    public static readonly Text FileCountRange = new(
        $"จำนวนไฟล์ที่ขอต้องอยู่ระหว่าง {RequestLimits.FileCountMin} ถึง {RequestLimits.FileCountMax}",
        $"The number of files must be between {RequestLimits.FileCountMin} and {RequestLimits.FileCountMax}.");

    public static readonly Text WrittenOnFuture = new(
        "วันที่เขียนเป็นวันในอนาคตไม่ได้ กรุณาเลือกวันนี้หรือวันก่อนหน้า", "The date of the request cannot be in the future; please choose today or an earlier day.");

    /// <summary>How far back a date may be: a form is written when it is sent; an incident older than this is a mistyped year.</summary>
    public const int WrittenOnDaysBack = 30;
    public const int IncidentDaysBack = 730;

    public static readonly Text WrittenOnTooOld = new(
        $"วันที่เขียนย้อนหลังได้ไม่เกิน {WrittenOnDaysBack} วัน กรุณาตรวจสอบวันที่ (ปกติคือวันนี้)",
        $"The date of the request can be at most {WrittenOnDaysBack} days ago; please check it (it is usually today).");

    public static readonly Text IncidentTooOld = new(
        "วันที่เกิดเหตุย้อนหลังได้ไม่เกิน 2 ปี กรุณาตรวจสอบปี พ.ศ. ที่กรอก", "The incident date can be at most 2 years ago; please check the year.");

    public static readonly Text IncidentFuture = new(
        "วันที่เกิดเหตุเป็นวันในอนาคตไม่ได้ กรุณาตรวจสอบวันที่", "The incident date cannot be in the future; please check it.");

    public static readonly Text IncidentAfterWritten = new(
        "วันที่เกิดเหตุอยู่หลังวันที่เขียนไม่ได้ กรุณาตรวจสอบวันที่ทั้งสอง", "The incident date cannot be after the date of the request; please check both dates.");

    /// <summary>What the citizen's status page says of a request whose personal data was erased.</summary>
    public static readonly Text ErasedMessage = new(
        "ข้อมูลส่วนบุคคลของคำร้องนี้ถูกลบแล้ว", "The personal data of this request has been erased.");

    public static readonly Text AlreadyErased = new(
        "ข้อมูลส่วนบุคคลของคำร้องนี้ถูกลบแล้ว จึงแก้ไขไม่ได้", "The personal data of this request was erased; there is nothing to correct.");

    public static readonly Text StationInactive = new(
        "สถานที่ที่เลือกไม่เปิดรับคำร้องแล้ว กรุณาเลือกสถานที่อื่นจากรายการ", "The chosen location does not take requests; please choose another from the list.");

    public static readonly Text SmsNeedsMobile = new(
        "แจ้งผลทาง SMS ได้เฉพาะหมายเลขโทรศัพท์มือถือ กรุณากรอกหมายเลขมือถือ หรือไม่ต้องเลือกแจ้งผลทาง SMS",
        "SMS can only go to a mobile number: enter a mobile number, or leave the SMS box unticked.");

    public static readonly Text OnlineCopyNotOpen = new(
        "ส่งไฟล์ภาพทางออนไลน์ได้เฉพาะคำร้องขอสำเนาที่อนุมัติแล้ว และยังไม่ได้ส่งให้ผู้ยื่นคำร้อง",
        "Clips are delivered online only for an approved request for a copy that has not been sent yet.");
}
