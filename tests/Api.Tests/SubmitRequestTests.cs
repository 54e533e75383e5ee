using System.Net;
using System.Security.Cryptography;
using System.Text;
using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Api.Tests;

public class SubmitRequestTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task CompleteSubmission_Answers201_AndStoresEveryField_PdfsByteForByte_ImagesReEncodedWithTheSamePixels()
    {
        var form = new SubmissionForm()
            .WithFile("otherDocuments", "photo.png", SampleFiles.Png(20, 20, (_, _) => 255), "image/png");

        var body = await SubmitOkAsync(form);

        var reference = body.GetProperty("referenceNumber").GetString()!;
        Assert.Matches($"^CCTV-{SubmissionForm.TodayInBangkok.Year + 543}-[0-9]{{6}}$", reference);
        Assert.Equal("Pending", body.GetProperty("status").GetString());
        var statusUrl = body.GetProperty("statusUrl").GetString()!;
        Assert.StartsWith(ApiFactory.PublicBaseUrl + "/status#t=", statusUrl);
        Assert.True(StatusToken.IsWellFormed(TokenOf(statusUrl)));
        Assert.NotEmpty(Convert.FromBase64String(body.GetProperty("qrCodePng").GetString()!));
        Assert.Equal(
            SubmissionForm.Iso(SubmissionForm.TodayInBangkok.AddDays(-2 + 30)),
            body.GetProperty("footageOverwrittenOn").GetString());
        Assert.Equal(0, body.GetProperty("warnings").GetArrayLength());

        await using var db = Factory.NewDbContext();
        var stored = await db.FootageRequests.Include(r => r.Attachments).Include(r => r.History)
            .SingleAsync(r => r.ReferenceNumber == ReferenceNumber.Create(SubmissionForm.TodayInBangkok.Year + 543, 1));
        Assert.Equal(reference, stored.ReferenceNumber.Value);
        Assert.Equal(SubmissionForm.TodayInBangkok, stored.WrittenOn);
        Assert.Equal("นาย", stored.Applicant.Title);
        Assert.Equal("สมศักดิ์", stored.Applicant.FirstName);
        Assert.Equal("ใจดี", stored.Applicant.LastName);
        Assert.Equal(form.NationalId, stored.Applicant.Identity.Number);
        Assert.Equal(35, stored.Applicant.Age);
        Assert.Equal("ไทย", stored.Applicant.Ethnicity);
        Assert.Equal("ไทย", stored.Applicant.Nationality);
        Assert.Equal(form.Fields["address"], stored.Applicant.Address);
        Assert.Equal("+66812345678", stored.Applicant.Phone.E164);
        Assert.Equal(Purpose.Copy, stored.Purpose);
        Assert.Equal(2, stored.FileCount);
        Assert.Equal(3, stored.StationId);
        Assert.Equal(SubmissionForm.TodayInBangkok.AddDays(-2), stored.IncidentDate);
        Assert.Equal(new TimeOnly(14, 30), stored.IncidentTime);
        Assert.Equal(form.Fields["reason"], stored.Reason);
        Assert.Equal(RequestStatus.Pending, stored.Status);
        Assert.Equal(StatusToken.Hash(TokenOf(statusUrl)), stored.StatusTokenHash);
        Assert.Equal(Actor.Citizen.Id, Assert.Single(stored.History).Actor);

        // The privacy notice record: version, SHA-256 of the Thai text that was shown, UTC time.
        var notice = await db.PrivacyNotices.SingleAsync(n => n.Version == "2569-2");
        Assert.Equal("2569-2", stored.PrivacyConsent.NoticeVersion);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(notice.Text))), stored.PrivacyConsent.TextSha256);
        Assert.Equal("th", stored.PrivacyConsent.Language);
        Assert.Equal(TimeSpan.Zero, stored.PrivacyConsent.AcceptedAt.Offset);
        Assert.True(Factory.Clock.GetUtcNow() - stored.PrivacyConsent.AcceptedAt < TimeSpan.FromMinutes(1));

        // Every file with its kind, detected type and hash; PDFs byte for byte, images re-encoded
        // (PNG: the same pixels; JPEG: the same size in pixels), the signature among them.
        var store = Factory.Services.GetRequiredService<IFileStore>();
        Assert.Equal(form.Files.Count, stored.Attachments.Count);
        foreach (var (field, fileName, content, _) in form.Files)
        {
            var kind = field switch
            {
                "idCardCopy" => AttachmentKind.IdCardCopy,
                "policeReport" => AttachmentKind.PoliceReport,
                "otherDocuments" => AttachmentKind.Other,
                _ => AttachmentKind.Signature,
            };
            var attachment = Assert.Single(stored.Attachments, a => a.Kind == kind && a.FileName == fileName);
            await using var stream = await store.OpenReadAsync(attachment.StorageKey, CancellationToken.None);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            var kept = copy.ToArray();
            switch (attachment.ContentType)
            {
                case "application/pdf":
                    Assert.Equal(content, kept);
                    break;
                case "image/png":
                    Assert.Equal(SampleFiles.Pixels(content), SampleFiles.Pixels(kept));
                    break;
                default:
                    Assert.Equal(SampleFiles.SizeOf(content), SampleFiles.SizeOf(kept));
                    break;
            }
            Assert.Equal(kept.Length, attachment.SizeBytes);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(kept)), attachment.Sha256);
            Assert.DoesNotContain(fileName, attachment.StorageKey);
        }
        Assert.Equal("image/png", stored.Signature!.ContentType);
        Assert.Equal("application/pdf", stored.Attachments.Single(a => a.Kind == AttachmentKind.IdCardCopy).ContentType);
        Assert.Equal("image/jpeg", stored.Attachments.Single(a => a.Kind == AttachmentKind.PoliceReport).ContentType);

        // Nothing is left in the temporary area, and files live outside the web root.
        Assert.Empty(Directory.GetFiles(Path.Combine(Factory.StorageRoot, "tmp")));
        Assert.DoesNotContain(Factory.StoredFiles(), f => f.Contains("/web/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ViewRequest_WithoutFileCountOrOtherDocuments_IsAccepted()
    {
        var form = new SubmissionForm().Set("purpose", "View").Without("fileCount").Without("otherDocuments").Without("ethnicity");
        await SubmitOkAsync(form);
        await using var db = Factory.NewDbContext();
        var stored = await db.FootageRequests.Include(r => r.Attachments).SingleAsync();
        Assert.Equal(Purpose.View, stored.Purpose);
        Assert.Null(stored.FileCount);
        Assert.Null(stored.Applicant.Ethnicity);
        Assert.Equal(3, stored.Attachments.Count);
    }

    [Fact]
    public async Task ThaiDigitsAndDashes_InIdPhoneAndAge_AreNormalized()
    {
        var form = new SubmissionForm();
        var id = form.NationalId;
        form.Set("nationalId", NationalIds.InThaiDigitsWithDashes(id)).Set("phone", "๐๘๑-๒๓๔-๕๖๗๘").Set("age", "๓๕");
        await SubmitOkAsync(form);
        await using var db = Factory.NewDbContext();
        var stored = await db.FootageRequests.SingleAsync();
        Assert.Equal(id, stored.Applicant.Identity.Number);
        Assert.Equal("+66812345678", stored.Applicant.Phone.E164);
        Assert.Equal(35, stored.Applicant.Age);
    }

    [Fact]
    public async Task ReferenceNumbers_RunOnWithinTheYear()
    {
        var first = await SubmitOkAsync(new SubmissionForm());
        var second = await SubmitOkAsync(new SubmissionForm());
        var year = SubmissionForm.TodayInBangkok.Year + 543;
        Assert.Equal($"CCTV-{year}-000001", first.GetProperty("referenceNumber").GetString());
        Assert.Equal($"CCTV-{year}-000002", second.GetProperty("referenceNumber").GetString());
    }

    [Fact]
    public async Task StatusUrl_IsBuiltFromTheConfiguredBaseUrl_NotFromTheHostHeader()
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = new SubmissionForm().ToContent() };
        message.Headers.Host = "evil.example.com";
        var response = await Client.SendAsync(message);
        var body = await JsonAsync(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith(ApiFactory.PublicBaseUrl + "/status#t=", body.GetProperty("statusUrl").GetString());
    }

    [Fact]
    public async Task OldIncident_AnswersWithAWarningThatTheFootageMayBeOverwritten()
    {
        var form = new SubmissionForm().Set("incidentDate", SubmissionForm.Iso(SubmissionForm.TodayInBangkok.AddDays(-31)));
        var body = await SubmitOkAsync(form);
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal("footage.may_be_overwritten", warning.GetProperty("code").GetString());
        Assert.Contains("บันทึกทับ", warning.GetProperty("message").GetString());
    }

    [Fact]
    public async Task IncidentCloseToTheOverwriteDay_AnswersWithAWarningToHurry()
    {
        var form = new SubmissionForm().Set("incidentDate", SubmissionForm.Iso(SubmissionForm.TodayInBangkok.AddDays(-28)));
        var body = await SubmitOkAsync(form);
        Assert.Equal("footage.overwritten_soon", Assert.Single(body.GetProperty("warnings").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task NoRawNationalIdOrPhoneNumber_ReachesTheLog()
    {
        var form = new SubmissionForm();
        await SubmitOkAsync(form);
        await PostJsonAsync("/api/status/lookup", new { nationalId = form.NationalId });
        await SubmitAsync(new SubmissionForm().Set("nationalId", form.NationalId).Set("phone", "0123456789"));

        Assert.NotEmpty(Factory.Logs.Lines);
        Assert.DoesNotContain(Factory.Logs.Lines, l => l.Contains(form.NationalId, StringComparison.Ordinal));
        Assert.DoesNotContain(Factory.Logs.Lines, l => l.Contains("0812345678", StringComparison.Ordinal) || l.Contains("081-234-5678", StringComparison.Ordinal) || l.Contains("+66812345678", StringComparison.Ordinal));
    }
}
