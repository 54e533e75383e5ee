using CctvRequests.Domain.Common;

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
    public static Text Of(CancellationReason reason) => reason switch
    {
        CancellationReason.IncompleteData => new("ข้อมูลไม่ครบถ้วนหรือไม่ถูกต้อง", "Incomplete or incorrect data"),
        CancellationReason.WrongAttachments => new("เอกสารแนบไม่ถูกต้อง", "Wrong attachments"),
        CancellationReason.FootageUnavailable => new("ไม่มีข้อมูลภาพในช่วงเวลาที่ขอ", "No footage for the requested time"),
        CancellationReason.Denied => new("ไม่อนุมัติ", "Not approved"),
        CancellationReason.WithdrawnByRequester => new("ผู้ยื่นคำร้องขอยกเลิก", "Withdrawn by the requester"),
        CancellationReason.Other => new("อื่นๆ", "Other"),
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
