using System.Security.Cryptography;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.TestSupport;

/// <summary>
/// Requests written straight through the domain and EF, at chosen times: the history a test needs
/// (months of submissions and decisions) without waiting for it. Files are only rows here.
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
        var request = FootageRequest.Submit(
            ReferenceNumber.Create(BangkokTime.BuddhistYear(day), number),
            day,
            Applicant.Create(title, firstName, lastName, IdentityDocument.Of(NationalId.Parse(NationalIds.New())), 40, null, "ไทย", "1 ถ.บุญวาทย์ อ.เมือง จ.ลำปาง", ThaiPhoneNumber.Parse("0812345678")),
            purpose,
            purpose == Purpose.Copy ? 2 : null,
            station,
            incidentDate ?? day.AddDays(-1),
            new TimeOnly(10, 0),
            "ต้องการข้อมูลภาพเพื่อใช้ประกอบการแจ้งความ",
            [
                Attachment.Create(AttachmentKind.IdCardCopy, $"t/{number}-a.pdf", "id.pdf", "application/pdf", 100, new string('1', 64)),
                Attachment.Create(AttachmentKind.PoliceReport, $"t/{number}-b.pdf", "report.pdf", "application/pdf", 100, new string('2', 64)),
                Attachment.Create(AttachmentKind.Signature, $"t/{number}-c.png", "signature.png", "image/png", 100, new string('3', 64)),
            ],
            SignatureMethod.Drawn,
            PrivacyConsent.Create("2569-1", new string('f', 64), "th", submittedAt),
            SHA256.HashData(BitConverter.GetBytes(number)),
            submittedAt,
            policeReportRequired: true);
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
        request.Approve(Officer, at);
        return null;
    }

    public static Func<FootageRequest, DateTimeOffset, string?> Cancel(string reason) => (request, at) =>
    {
        request.Cancel(Officer, at, reason, "ยกเลิก");
        return reason;
    };
}
