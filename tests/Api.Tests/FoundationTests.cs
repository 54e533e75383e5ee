using System.Net;
using System.Security.Cryptography;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Api.Tests;

public class FoundationTests(ApiFactory factory) : ApiTest(factory)
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
    public async Task Stations_ReturnsTheSixLampangStationsWithTheirThaiNames()
    {
        var response = await Client.GetAsync("/api/stations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stations = (await JsonAsync(response)).EnumerateArray().ToList();

        Assert.Equal(6, stations.Count);
        Assert.Equal(
            [
                "บริเวณพื้นที่ภายในสำนักงานองค์การบริหารส่วนจังหวัดลำปาง อ.เกาะคา จ.ลำปาง",
                "บริเวณอนุสาวรีย์สมเด็จพระนเรศวรมหาราช อ.เกาะคา จ.ลำปาง",
                "บริเวณสวนสาธารณะหนองกระทิง อ.เมือง จ.ลำปาง",
                "โรงเรียนอแก้ววิทยา อ.ห้างฉัตร จ.ลำปาง",
                "ศูนย์กำจัดขยะมูลฝอยรวมแบบครบวงจร อบจ.ลำปาง อ.เมือง จ.ลำปาง",
                "ศูนย์พัฒนาคุณภาพชีวิตและส่งเสริมอาชีพผู้สูงอายุ อบจ.ลำปาง อ.เมือง จ.ลำปาง",
            ],
            stations.Select(s => s.GetProperty("name").GetString()));
        Assert.All(stations, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("nameEn").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("district").GetString()));
            Assert.Equal(30, s.GetProperty("footageRetentionDays").GetInt32());
            Assert.True(s.GetProperty("id").GetInt32() > 0);
        });
    }

    [Fact]
    public async Task Healthz_Answers200WhenPostgreSqlAnswers()
    {
        var response = await Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Swagger_Renders()
    {
        var ui = await Client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        var document = await JsonAsync(await Client.GetAsync("/swagger/v1/swagger.json"));
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/stations", "/api/requests", "/api/status/lookup", "/api/status/token", "/api/status/qr", "/api/privacy-notice" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not documented");
        }
    }

    [Fact]
    public async Task UnknownApiPath_AnswersProblemJson404() =>
        await AssertProblemAsync(await Client.GetAsync("/api/nothing-here"), 404);

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
            original = FootageRequest.Submit(
                ReferenceNumber.Create(2569, 42),
                new DateOnly(2026, 2, 16),
                Applicant.Create("นางสาว", "สมหญิง", "รักดี", NationalId.Parse(nationalId), 28, "ไทย", "ไทย", "1 ถ.บุญวาทย์ อ.เมือง จ.ลำปาง", ThaiPhoneNumber.Parse("054-237600")),
                Purpose.Copy,
                3,
                station,
                new DateOnly(2026, 2, 10),
                new TimeOnly(21, 5),
                "ต้องการภาพเหตุการณ์รถชนเพื่อใช้ประกอบการเคลม",
                files,
                PrivacyConsent.Create("2569-1", new string('f', 64), "th", submittedAt),
                tokenHash,
                submittedAt,
                policeReportRequired: true);
            original.Receive("officer.a", submittedAt.AddHours(2), "นำเสนอหัวหน้าศูนย์");
            original.Cancel("officer.a", submittedAt.AddHours(5), CancellationReason.FootageUnavailable, "ไม่มีภาพในช่วงเวลาที่ขอ", "DVR offline");
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
            Assert.Equal(nationalId, loaded.Applicant.NationalId.Value);
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
                original.History.Select(h => (h.Id, h.From, h.To, h.Actor, h.At, h.Note, h.CancellationReason, h.PublicMessage)),
                loaded.History.OrderBy(h => h.At).Select(h => (h.Id, h.From, h.To, h.Actor, h.At, h.Note, h.CancellationReason, h.PublicMessage)));
        }

        // Status is stored as text, not a number.
        await using var connection = await Factory.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM footage_requests";
        Assert.Equal("Cancelled", await command.ExecuteScalarAsync());
    }
}

/// <summary>A host whose database disappears after start: the health check must notice.</summary>
public sealed class HealthWhenDatabaseIsGoneTests
{
    [Fact]
    public async Task Healthz_Answers503_AndApiAnswers503ProblemJson_WhenPostgreSqlDoesNotAnswer()
    {
        await using var factory = new ApiFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        await TestPostgres.DropDatabaseAsync(factory.ConnectionString);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        var stations = await client.GetAsync("/api/stations");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stations.StatusCode);
        Assert.Equal("application/problem+json", stations.Content.Headers.ContentType?.MediaType);
        await ((IAsyncLifetime)factory).DisposeAsync();
    }
}
