using CctvRequests.Domain.Common;
using CctvRequests.Domain.Privacy;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;

namespace CctvRequests.Domain.Tests;

/// <summary>What may be done to a request now: the request answers, its methods obey the same answers, and the page's buttons read them.</summary>
public class RequestActionsTests
{
    private static readonly DateTimeOffset Now = FootageRequestBuilder.DefaultNow.AddDays(3);

    public static TheoryData<RequestStatus, Purpose> EveryStatusAndPurpose()
    {
        var data = new TheoryData<RequestStatus, Purpose>();
        foreach (var status in Enum.GetValues<RequestStatus>())
        {
            foreach (var purpose in Enum.GetValues<Purpose>())
            {
                data.Add(status, purpose);
            }
        }
        return data;
    }

    private static FootageRequest Request(RequestStatus status, Purpose purpose) =>
        new FootageRequestBuilder().For(purpose, purpose == Purpose.Copy ? 2 : null).InStatus(status).Build();

    [Theory]
    [MemberData(nameof(EveryStatusAndPurpose))]
    public void TheAnswers_AreTheSpecs(RequestStatus status, Purpose purpose)
    {
        var request = Request(status, purpose);

        Assert.Equal(status == RequestStatus.Pending, request.CanReceive());
        Assert.Equal(status is RequestStatus.Pending or RequestStatus.Received, request.CanCancel());
        Assert.Equal(status != RequestStatus.Cancelled, request.CanPreserve());
        Assert.Equal(status == RequestStatus.Approved && purpose == Purpose.Copy, request.CanHandOver());
        foreach (var role in Enum.GetValues<StaffRole>())
        {
            Assert.Equal(status == RequestStatus.Received && role != StaffRole.Officer, request.CanApprove(role));
        }
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndPurpose))]
    public void EachChange_HappensExactlyWhenItsAnswerIsYes(RequestStatus status, Purpose purpose)
    {
        Assert.Equal(Request(status, purpose).CanReceive(), Succeeds(r => r.Receive(FootageRequestBuilder.Officer, Now)));
        Assert.Equal(Request(status, purpose).CanApprove(StaffRole.Approver), Succeeds(r => r.Approve(FootageRequestBuilder.Approver, StaffRole.Approver, Now)));
        Assert.Equal(Request(status, purpose).CanCancel(), Succeeds(r => r.Cancel(FootageRequestBuilder.Officer, Now, CancellationReason.Other, "ยกเลิก")));
        Assert.Equal(Request(status, purpose).CanPreserve(), Succeeds(r => r.RecordPreservation(FootageRequestBuilder.Officer, Now, "ส่งออกภาพแล้ว")));
        Assert.Equal(Request(status, purpose).CanHandOver(), Succeeds(r => r.RecordHandOver(
            FootageRequestBuilder.Officer, Now, "แฟลชไดรฟ์", "นายสมศักดิ์ ใจดี", [HandOverClip.Create("cam3.mp4", 1000, new string('c', 64))], [1, 2, 3])));

        bool Succeeds(Action<FootageRequest> change)
        {
            var request = Request(status, purpose);
            var history = request.History.Count;
            try
            {
                change(request);
                return true;
            }
            catch (DomainException)
            {
                Assert.Equal(status, request.Status);
                Assert.Equal(history, request.History.Count);
                Assert.Empty(request.Preservations);
                Assert.Empty(request.HandOvers);
                return false;
            }
        }
    }

    [Fact]
    public void AnOfficer_MayNotApprove_AndTheRefusalNamesTheRole()
    {
        var request = Request(RequestStatus.Received, Purpose.Copy);

        var refused = Assert.Throws<RoleNotPermittedException>(() => request.Approve(FootageRequestBuilder.Officer, StaffRole.Officer, Now));

        Assert.Equal(StaffRole.Officer, refused.Role);
        Assert.Equal(RequestStatus.Received, request.Status);
        Assert.Equal([StaffRole.Approver, StaffRole.Admin], Enum.GetValues<StaffRole>().Where(FootageRequest.IsApprover));
    }

    [Fact]
    public void ARightsRequest_IsDoneOnce()
    {
        var document = IdentityDocument.Of(NationalId.Parse(NationalIds.New()));
        var request = SubjectRightsRequest.Create(RightsKind.Access, new DateOnly(2026, 2, 10), [1, 2, 3], document.Kind, "เลขบัตร 1-xxxx", "  ", FootageRequestBuilder.Officer, Now);
        Assert.Equal(new DateOnly(2026, 3, 12), request.Deadline);
        Assert.Null(request.Note);

        request.Complete(FootageRequestBuilder.Officer, Now, " ส่งสำเนาแล้ว ");

        Assert.True(request.IsDone);
        Assert.Equal("ส่งสำเนาแล้ว", request.DoneNote);
        Assert.Throws<DomainException>(() => request.Complete(FootageRequestBuilder.Officer, Now, null));
    }
}
