using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;

namespace CctvRequests.Domain.Tests;

public class StatusTransitionTests
{
    private static readonly (RequestStatus From, RequestStatus To)[] Allowed =
    [
        (RequestStatus.Pending, RequestStatus.Received),
        (RequestStatus.Pending, RequestStatus.Cancelled),
        (RequestStatus.Received, RequestStatus.Approved),
        (RequestStatus.Received, RequestStatus.Cancelled),
    ];

    public static TheoryData<RequestStatus, RequestStatus> AllowedMoves()
    {
        var data = new TheoryData<RequestStatus, RequestStatus>();
        foreach (var (from, to) in Allowed)
        {
            data.Add(from, to);
        }
        return data;
    }

    public static TheoryData<RequestStatus, RequestStatus> ForbiddenMoves()
    {
        var data = new TheoryData<RequestStatus, RequestStatus>();
        foreach (var from in Enum.GetValues<RequestStatus>())
        {
            foreach (var to in Enum.GetValues<RequestStatus>())
            {
                if (!Allowed.Contains((from, to)))
                {
                    data.Add(from, to);
                }
            }
        }
        return data;
    }

    private static readonly DateTimeOffset Now = FootageRequestBuilder.DefaultNow;

    /// <summary>One move an hour later, by an officer (an approver to approve), with a note.</summary>
    private static void Move(FootageRequest request, RequestStatus to)
    {
        switch (to)
        {
            case RequestStatus.Received:
                request.Receive(FootageRequestBuilder.Officer, Now.AddHours(1), "รับเรื่อง");
                break;
            case RequestStatus.Approved:
                request.Approve(FootageRequestBuilder.Approver, StaffRole.Approver, Now.AddHours(1), "อนุมัติ");
                break;
            case RequestStatus.Cancelled:
                request.Cancel(FootageRequestBuilder.Officer, Now.AddHours(1), CancellationReason.WrongAttachments, "เอกสารแนบไม่ถูกต้อง", "internal");
                break;
            case RequestStatus.Pending:
                throw new IllegalStatusChangeException(request.Status, to); // there is no move back to Pending
        }
    }

    [Fact]
    public void ThereAreExactlyFourStatuses() =>
        Assert.Equal(["Pending", "Received", "Cancelled", "Approved"], Enum.GetNames<RequestStatus>());

    [Fact]
    public void ForbiddenMoves_CoverEveryOtherPair() => Assert.Equal(16 - 4, ForbiddenMoves().Count);

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void AllowedMove_ShouldChangeStatusAndRecordWhoWhenWhy(RequestStatus from, RequestStatus to)
    {
        var request = new FootageRequestBuilder().InStatus(from, decidedAt: Now).Build();
        var before = request.History.Count;

        Move(request, to);

        Assert.Equal(to, request.Status);
        Assert.Equal(before + 1, request.History.Count);
        var last = request.History[^1];
        Assert.Equal(from, last.From);
        Assert.Equal(to, last.To);
        Assert.False(string.IsNullOrWhiteSpace(last.Actor));
        Assert.Equal(Now.AddHours(1), last.At);
        Assert.Equal(TimeSpan.Zero, last.At.Offset);
        Assert.NotNull(last.Note);
        Assert.True(RequestStatusTransitions.IsAllowed(from, to));
    }

    [Theory]
    [MemberData(nameof(ForbiddenMoves))]
    public void ForbiddenMove_ShouldThrowAndChangeNothing(RequestStatus from, RequestStatus to)
    {
        var request = new FootageRequestBuilder().InStatus(from, decidedAt: Now).Build();
        var before = request.History.Count;

        var error = Assert.Throws<IllegalStatusChangeException>(() => Move(request, to));

        Assert.IsAssignableFrom<DomainException>(error);
        Assert.Equal(from, request.Status);
        Assert.Equal(before, request.History.Count);
        Assert.False(RequestStatusTransitions.IsAllowed(from, to));
    }

    [Theory]
    [InlineData(RequestStatus.Approved)]
    [InlineData(RequestStatus.Cancelled)]
    public void FinalStatuses_HaveNoWayOut(RequestStatus status)
    {
        Assert.True(RequestStatusTransitions.IsFinal(status));
        Assert.Empty(RequestStatusTransitions.NextFrom(status));
    }

    [Fact]
    public void Cancel_ShouldKeepTheReasonAndTheCitizensMessage()
    {
        var request = new FootageRequestBuilder().Build();
        request.Cancel(new Actor("officer", "officer"), Now, CancellationReason.FootageUnavailable, "ไม่มีภาพในช่วงเวลาดังกล่าว", "checked DVR 3");

        var last = request.History[^1];
        Assert.Equal(CancellationReason.FootageUnavailable, last.ReasonCode);
        Assert.Equal("ไม่มีภาพในช่วงเวลาดังกล่าว", last.PublicMessage);
        Assert.Equal("checked DVR 3", last.Note);
    }

    [Fact]
    public void Cancel_WithoutAMessageForTheCitizen_ShouldThrow()
    {
        var request = new FootageRequestBuilder().Build();
        Assert.Throws<DomainException>(() => request.Cancel(new Actor("officer", "officer"), Now, CancellationReason.Other, " "));
        Assert.Equal(RequestStatus.Pending, request.Status);
    }

    [Fact]
    public void Move_WithoutAnActor_ShouldThrow()
    {
        var request = new FootageRequestBuilder().Build();
        Assert.Throws<DomainException>(() => request.Receive(new Actor(" ", " "), Now));
        Assert.Equal(RequestStatus.Pending, request.Status);
    }

    [Theory]
    [InlineData(RequestStatus.Pending, "รออนุมัติ")]
    [InlineData(RequestStatus.Received, "เจ้าหน้าที่รับเรื่องแล้ว")]
    [InlineData(RequestStatus.Cancelled, "ยกเลิก")]
    [InlineData(RequestStatus.Approved, "อนุมัติแล้ว")]
    public void ThaiLabels_AreTheManuals(RequestStatus status, string label) => Assert.Equal(label, RequestStatusText.Of(status).Th);
}
