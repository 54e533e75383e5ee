using System.Security.Cryptography;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Api.Tests;

/// <summary>The schema the migrations make, and a request that goes in and comes out unchanged.</summary>
public class PersistenceTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Migrations_ApplyToAnEmptyDatabase()
    {
        await using var db = Factory.NewDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Request_WithAllFieldsAttachmentsAndHistory_RoundTripsUnchanged()
    {
        var nationalId = NationalIds.New();
        var submittedAt = new DateTimeOffset(2026, 2, 16, 3, 4, 5, TimeSpan.Zero);
        var tokenHash = SHA256.HashData("round-trip"u8);
        FootageRequest original;
        await using (var db = Factory.NewDbContext())
        {
            var station = await db.Stations.SingleAsync(s => s.Id == 2);
            var files = new[]
            {
                Attachment.Create(AttachmentKind.IdCardCopy, "2026/02/a.pdf", "บัตร.pdf", "application/pdf", 111, new string('1', 64)),
                Attachment.Create(AttachmentKind.PoliceReport, "2026/02/b.jpg", "report.jpg", "image/jpeg", 222, new string('2', 64)),
                Attachment.Create(AttachmentKind.Other, "2026/02/c.png", "other.png", "image/png", 333, new string('3', 64)),
                Attachment.Create(AttachmentKind.Signature, "2026/02/d.png", "signature.png", "image/png", 444, new string('4', 64)),
            };
            original = new FootageRequestBuilder()
                .WithReference(ReferenceNumber.Create(2569, 42))
                .SubmittedAt(submittedAt)
                .WrittenOn(new DateOnly(2026, 2, 16))
                .WithApplicant(Applicant.Create("นางสาว", "สมหญิง", "รักดี", IdentityDocument.Of(NationalId.Parse(nationalId)), 28, "ไทย", "ไทย", "1 ถ.บุญวาทย์ อ.เมือง จ.ลำปาง", ThaiPhoneNumber.Parse("054-237600")))
                .For(Purpose.Copy, 3)
                .AtStation(station)
                .IncidentOn(new DateOnly(2026, 2, 10), new TimeOnly(21, 5))
                .WithReason("ต้องการภาพเหตุการณ์รถชนเพื่อใช้ประกอบการเคลม")
                .WithFiles(files)
                .SignedBy(SignatureMethod.Typed)
                .WithStatusTokenHash(tokenHash)
                .Build();
            original.Receive(new Actor("officer.a", "officer.a"), submittedAt.AddHours(2), "นำเสนอหัวหน้าศูนย์");
            original.Cancel(new Actor("officer.a", "officer.a"), submittedAt.AddHours(5), CancellationReason.FootageUnavailable, "ไม่มีภาพในช่วงเวลาที่ขอ", "DVR offline");
            db.FootageRequests.Add(original);
            await db.SaveChangesAsync();
        }

        await using (var db = Factory.NewDbContext())
        {
            var loaded = await db.FootageRequests.Include(r => r.Attachments).Include(r => r.History).SingleAsync(r => r.Id == original.Id);

            Assert.Equal(original.ReferenceNumber, loaded.ReferenceNumber);
            Assert.Equal(original.WrittenOn, loaded.WrittenOn);
            Assert.Equal("นางสาว", loaded.Applicant.Title);
            Assert.Equal("สมหญิง", loaded.Applicant.FirstName);
            Assert.Equal("รักดี", loaded.Applicant.LastName);
            Assert.Equal(nationalId, loaded.Applicant.Identity.Number);
            Assert.Equal(28, loaded.Applicant.Age);
            Assert.Equal("ไทย", loaded.Applicant.Ethnicity);
            Assert.Equal("ไทย", loaded.Applicant.Nationality);
            Assert.Equal("1 ถ.บุญวาทย์ อ.เมือง จ.ลำปาง", loaded.Applicant.Address);
            Assert.Equal("+6654237600", loaded.Applicant.Phone.E164);
            Assert.Equal(Purpose.Copy, loaded.Purpose);
            Assert.Equal(3, loaded.FileCount);
            Assert.Equal(2, loaded.StationId);
            Assert.Equal(new DateOnly(2026, 2, 10), loaded.IncidentDate);
            Assert.Equal(new TimeOnly(21, 5), loaded.IncidentTime);
            Assert.Equal(original.Reason, loaded.Reason);
            Assert.Equal(SignatureMethod.Typed, loaded.SignatureMethod);
            Assert.Equal("2569-1", loaded.PrivacyConsent.NoticeVersion);
            Assert.Equal(new string('f', 64), loaded.PrivacyConsent.TextSha256);
            Assert.Equal("th", loaded.PrivacyConsent.Language);
            Assert.Equal(submittedAt, loaded.PrivacyConsent.AcceptedAt);
            Assert.Equal(RequestStatus.Cancelled, loaded.Status);
            Assert.Equal(submittedAt, loaded.SubmittedAt);
            Assert.Equal(new DateOnly(2026, 3, 12), loaded.FootageOverwrittenOn);
            Assert.Equal(tokenHash, loaded.StatusTokenHash);

            Assert.Equal(
                original.Attachments.Select(a => (a.Id, a.Kind, a.StorageKey, a.FileName, a.ContentType, a.SizeBytes, a.Sha256)).OrderBy(a => a.Id),
                loaded.Attachments.Select(a => (a.Id, a.Kind, a.StorageKey, a.FileName, a.ContentType, a.SizeBytes, a.Sha256)).OrderBy(a => a.Id));
            Assert.Equal(
                original.History.Select(h => (h.Id, h.From, h.To, h.Actor, h.At, h.Note, h.ReasonCode, h.PublicMessage)),
                loaded.History.OrderBy(h => h.At).Select(h => (h.Id, h.From, h.To, h.Actor, h.At, h.Note, h.ReasonCode, h.PublicMessage)));
        }

        // Status and the signature method are stored as text, not numbers.
        await using var connection = await Factory.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status || ' ' || signature_method FROM footage_requests";
        Assert.Equal("Cancelled Typed", await command.ExecuteScalarAsync());
    }
}
