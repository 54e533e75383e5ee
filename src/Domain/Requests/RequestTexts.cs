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

    public static readonly Text WrittenOnFuture = new("วันที่เขียนต้องไม่เป็นวันในอนาคต", "The date written cannot be in the future.");

    /// <summary>How far back a date may be: a form is written when it is sent; an incident older than this is a mistyped year.</summary>
    public const int WrittenOnDaysBack = 30;
    public const int IncidentDaysBack = 730;

    public static readonly Text WrittenOnTooOld = new(
        $"วันที่เขียนต้องไม่ย้อนหลังเกิน {WrittenOnDaysBack} วัน", $"The date written cannot be more than {WrittenOnDaysBack} days ago.");

    public static readonly Text IncidentTooOld = new(
        "วันที่เกิดเหตุต้องไม่ย้อนหลังเกิน 2 ปี กรุณาตรวจสอบปี พ.ศ. ที่กรอก", "The incident date cannot be more than 2 years ago; please check the year.");

    public static readonly Text IncidentFuture = new("วันที่เกิดเหตุต้องไม่เป็นวันในอนาคต", "The incident date cannot be in the future.");

    public static readonly Text IncidentAfterWritten = new("วันที่เกิดเหตุต้องไม่อยู่หลังวันที่เขียน", "The incident date cannot be after the date written.");

    /// <summary>What the citizen's status page says of a request whose personal data was erased.</summary>
    public static readonly Text ErasedMessage = new(
        "ข้อมูลส่วนบุคคลของคำร้องนี้ถูกลบแล้ว", "The personal data of this request has been erased.");

    public static readonly Text AlreadyErased = new(
        "ข้อมูลส่วนบุคคลของคำร้องนี้ถูกลบแล้ว จึงแก้ไขไม่ได้", "The personal data of this request was erased; there is nothing to correct.");

    public static readonly Text StationInactive = new(
        "ไม่พบสถานที่เกิดเหตุที่เลือก หรือสถานีนี้ไม่เปิดรับคำร้อง", "The chosen location does not exist or does not take requests.");
}
