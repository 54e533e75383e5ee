namespace CctvRequests.Domain.Requests;

/// <summary>Why a request was cancelled; the citizen sees the Thai label and the officer's message.</summary>
public enum CancellationReason
{
    IncompleteData,
    WrongAttachments,
    FootageUnavailable,
    Denied,
    WithdrawnByRequester,
    Other,
}

public static class CancellationReasonText
{
    public static string Thai(CancellationReason reason) => reason switch
    {
        CancellationReason.IncompleteData => "ข้อมูลไม่ครบถ้วนหรือไม่ถูกต้อง",
        CancellationReason.WrongAttachments => "เอกสารแนบไม่ถูกต้อง",
        CancellationReason.FootageUnavailable => "ไม่มีข้อมูลภาพในช่วงเวลาที่ขอ",
        CancellationReason.Denied => "ไม่อนุมัติ",
        CancellationReason.WithdrawnByRequester => "ผู้ยื่นคำร้องขอยกเลิก",
        CancellationReason.Other => "อื่นๆ",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    public static string English(CancellationReason reason) => reason switch
    {
        CancellationReason.IncompleteData => "Incomplete or incorrect data",
        CancellationReason.WrongAttachments => "Wrong attachments",
        CancellationReason.FootageUnavailable => "No footage for the requested time",
        CancellationReason.Denied => "Not approved",
        CancellationReason.WithdrawnByRequester => "Withdrawn by the requester",
        CancellationReason.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
