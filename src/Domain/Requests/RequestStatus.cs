using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Requests;

/// <summary>The four statuses of the user's manual (สถานะการยื่นคำร้อง). Stored as text.</summary>
public enum RequestStatus
{
    /// <summary>รออนุมัติ: submitted, waiting for staff.</summary>
    Pending,

    /// <summary>เจ้าหน้าที่รับเรื่องแล้ว: an officer is presenting it up the approval chain.</summary>
    Received,

    /// <summary>ยกเลิก: final; the reason is shown to the citizen.</summary>
    Cancelled,

    /// <summary>อนุมัติแล้ว: final; the citizen may come to copy the footage.</summary>
    Approved,
}

/// <summary>The one transition table. Everything that changes a status asks it.</summary>
public static class RequestStatusTransitions
{
    private static readonly Dictionary<RequestStatus, RequestStatus[]> Allowed = new()
    {
        [RequestStatus.Pending] = [RequestStatus.Received, RequestStatus.Cancelled],
        [RequestStatus.Received] = [RequestStatus.Approved, RequestStatus.Cancelled],
        [RequestStatus.Cancelled] = [],
        [RequestStatus.Approved] = [],
    };

    public static bool IsAllowed(RequestStatus from, RequestStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<RequestStatus> NextFrom(RequestStatus from) => Allowed[from];

    public static bool IsFinal(RequestStatus status) => Allowed[status].Length == 0;
}

/// <summary>The labels citizens read, as in the user's manual.</summary>
public static class RequestStatusText
{
    public static Text Of(RequestStatus status) => status switch
    {
        RequestStatus.Pending => new("รออนุมัติ", "Pending approval"),
        RequestStatus.Received => new("เจ้าหน้าที่รับเรื่องแล้ว", "Received by an officer"),
        RequestStatus.Cancelled => new("ยกเลิก", "Cancelled"),
        RequestStatus.Approved => new("อนุมัติแล้ว", "Approved"),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
