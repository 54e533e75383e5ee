using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.TestSupport;

/// <summary>
/// Requests built by <see cref="FootageRequestBuilder"/> and written straight through EF, at chosen
/// times: the history a test needs (months of submissions and decisions) without waiting for it.
/// Files are only rows here.
/// </summary>
public static class StoredRequests
{
    private static int _sequence = 900_000;

    public static async Task<FootageRequest> AddAsync(
        ApiFactory factory,
        DateTimeOffset submittedAt,
        int stationId = 3,
        Purpose purpose = Purpose.Copy,
        DateOnly? incidentDate = null,
        Func<FootageRequest, DateTimeOffset, string?>? decide = null,
        DateTimeOffset? decidedAt = null,
        string firstName = "สมศักดิ์",
        string lastName = "ใจดี",
        string title = "นาย")
    {
        await using var db = factory.NewDbContext();
        var station = await db.Stations.SingleAsync(s => s.Id == stationId);
        var day = BangkokTime.DateOf(submittedAt);
        var number = Interlocked.Increment(ref _sequence);
        var request = new FootageRequestBuilder()
            .WithReference(ReferenceNumber.Create(BangkokTime.BuddhistYear(day), number))
            .SubmittedAt(submittedAt)
            .AtStation(station)
            .For(purpose, purpose == Purpose.Copy ? 2 : null)
            .IncidentOn(incidentDate ?? day.AddDays(-1), new TimeOnly(10, 0))
            .By(title, firstName, lastName)
            .WithFiles(
            [
                Attachment.Create(AttachmentKind.IdCardCopy, $"t/{number}-a.pdf", "id.pdf", "application/pdf", 100, new string('1', 64)),
                Attachment.Create(AttachmentKind.PoliceReport, $"t/{number}-b.pdf", "report.pdf", "application/pdf", 100, new string('2', 64)),
                Attachment.Create(AttachmentKind.Signature, $"t/{number}-c.png", "signature.png", "image/png", 100, new string('3', 64)),
            ])
            .Build();
        if (decide is not null)
        {
            decide(request, decidedAt ?? submittedAt.AddDays(1));
        }
        db.FootageRequests.Add(request);
        await db.SaveChangesAsync();
        return request;
    }

    public static readonly Actor Officer = new("officer.test", "เจ้าหน้าที่ ทดสอบ");

    public static string? Approve(FootageRequest request, DateTimeOffset at)
    {
        request.Receive(Officer, at.AddHours(-1));
        request.Approve(Officer, StaffRole.Approver, at);
        return null;
    }

    public static Func<FootageRequest, DateTimeOffset, string?> Cancel(string reason) => (request, at) =>
    {
        request.Cancel(Officer, at, reason, "ยกเลิก");
        return reason;
    };
}
