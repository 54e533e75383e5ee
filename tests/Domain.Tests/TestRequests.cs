using System.Security.Cryptography;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using CctvRequests.Domain.Stations;

namespace CctvRequests.Domain.Tests;

internal static class TestRequests
{
    public static readonly DateTimeOffset Now = new(2026, 2, 16, 3, 0, 0, TimeSpan.Zero); // 10:00 in Bangkok
    public static readonly Station Station = Station.Create(3, "สวนสาธารณะหนองกระทิง อ.เมือง จ.ลำปาง", "Nong Krating Park", "เมืองลำปาง");

    public static Attachment File(AttachmentKind kind) =>
        Attachment.Create(kind, $"2026/02/{Guid.NewGuid():N}.pdf", "file.pdf", "application/pdf", 1234, new string('a', 64));

    public static List<Attachment> Files(bool policeReport = true, int others = 0)
    {
        var files = new List<Attachment> { File(AttachmentKind.IdCardCopy), File(AttachmentKind.Signature) };
        if (policeReport)
        {
            files.Add(File(AttachmentKind.PoliceReport));
        }
        for (var i = 0; i < others; i++)
        {
            files.Add(File(AttachmentKind.Other));
        }
        return files;
    }

    public static Applicant Applicant() => Domain.Requests.Applicant.Create(
        "นาย", "สมศักดิ์", "ใจดี", IdentityDocument.Of(NationalId.Parse("1112034563562")), 35, null, "ไทย", "99 หมู่ 1 ต.ศาลา อ.เกาะคา จ.ลำปาง", ThaiPhoneNumber.Parse("0812345678"));

    public static FootageRequest Submit(
        Purpose purpose = Purpose.Copy,
        int? fileCount = 2,
        DateOnly? writtenOn = null,
        DateOnly? incidentDate = null,
        List<Attachment>? files = null,
        bool policeReportRequired = true,
        Station? station = null,
        SignatureMethod signatureMethod = SignatureMethod.Drawn) =>
        FootageRequest.Submit(
            ReferenceNumber.Create(2569, 123),
            writtenOn ?? new DateOnly(2026, 2, 16),
            Applicant(),
            purpose,
            fileCount,
            station ?? Station,
            incidentDate ?? new DateOnly(2026, 2, 14),
            new TimeOnly(14, 30),
            "ต้องการขอข้อมูลภาพเหตุการณ์เพื่อค้นหาของที่สูญหาย",
            files ?? Files(),
            signatureMethod,
            PrivacyConsent.Create("2569-1", new string('b', 64), "th", Now),
            SHA256.HashData("token"u8),
            Now,
            policeReportRequired);

    /// <summary>A request brought to <paramref name="status"/> through allowed moves only.</summary>
    public static FootageRequest InStatus(RequestStatus status)
    {
        var request = Submit();
        switch (status)
        {
            case RequestStatus.Received:
                request.Receive(new Actor("officer", "officer"), Now);
                break;
            case RequestStatus.Approved:
                request.Receive(new Actor("officer", "officer"), Now);
                request.Approve(new Actor("chief", "chief"), Now);
                break;
            case RequestStatus.Cancelled:
                request.Cancel(new Actor("officer", "officer"), Now, CancellationReason.IncompleteData, "ข้อมูลไม่ครบ");
                break;
        }
        Assert.Equal(status, request.Status);
        return request;
    }

    public static void Move(FootageRequest request, RequestStatus to)
    {
        switch (to)
        {
            case RequestStatus.Received:
                request.Receive(new Actor("officer", "officer"), Now.AddHours(1), "รับเรื่อง");
                break;
            case RequestStatus.Approved:
                request.Approve(new Actor("chief", "chief"), Now.AddHours(1), "อนุมัติ");
                break;
            case RequestStatus.Cancelled:
                request.Cancel(new Actor("officer", "officer"), Now.AddHours(1), CancellationReason.WrongAttachments, "เอกสารแนบไม่ถูกต้อง", "internal");
                break;
            case RequestStatus.Pending:
                throw new IllegalStatusChangeException(request.Status, to); // there is no move back to Pending
        }
    }
}
