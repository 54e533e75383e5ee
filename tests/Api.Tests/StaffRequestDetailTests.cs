using System.Net;
using System.Security.Cryptography;
using CctvRequests.Application.Files;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Api.Tests;

/// <summary>GET /api/staff/requests/{ref} and its files: every field for the officer, files served safely.</summary>
public class StaffRequestDetailTests(ApiFactory factory) : StaffApiTest(factory)
{
    [Fact]
    public async Task Detail_HasEveryField_TheNationalIdInFull_AndAnETag()
    {
        var form = new SubmissionForm();
        var reference = await FileAsync(form);
        var officer = await SignedInAsync(StaffRoles.Officer);

        var response = await officer.GetAsync($"/api/staff/requests/{reference}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^\"[0-9]+\"$", response.Headers.ETag!.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await JsonAsync(response);
        var applicant = body.GetProperty("applicant");
        var id = form.NationalId;
        Assert.Equal($"{id[0]}-{id[1..5]}-{id[5..10]}-{id[10..12]}-{id[12]}", applicant.GetProperty("nationalId").GetString());
        Assert.Equal("นายสมศักดิ์ ใจดี", applicant.GetProperty("fullName").GetString());
        Assert.Equal("081-234-5678", applicant.GetProperty("phone").GetString());
        Assert.Equal(form.Fields["address"], applicant.GetProperty("address").GetString());
        Assert.Equal(35, applicant.GetProperty("age").GetInt32());
        Assert.Equal("Copy", body.GetProperty("purpose").GetString());
        Assert.Equal(2, body.GetProperty("fileCount").GetInt32());
        Assert.Equal("14:30", body.GetProperty("incidentTime").GetString());
        Assert.Equal(form.Fields["reason"], body.GetProperty("reason").GetString());
        Assert.Equal("2569-2", body.GetProperty("privacyConsent").GetProperty("noticeVersion").GetString());
        Assert.Equal(["IdCardCopy", "Other", "PoliceReport", "Signature"], body.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("kind").GetString()).Order());
        Assert.Equal("สำเนาบัตรประชาชน", body.GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "IdCardCopy").GetProperty("kindText").GetString());
    }

    [Theory]
    [InlineData("Drawn", "ลงลายมือชื่อในกรอบบนหน้าจอ")]
    [InlineData("Typed", "ลงชื่อโดยพิมพ์ชื่อ")]
    public async Task Detail_SaysHowTheApplicantSigned(string method, string text)
    {
        var reference = await FileAsync(new SubmissionForm().Set("signatureMethod", method));
        var officer = await SignedInAsync(StaffRoles.Officer);

        var body = await JsonAsync(await officer.GetAsync($"/api/staff/requests/{reference}"));

        Assert.Equal(method, body.GetProperty("signatureMethod").GetString());
        Assert.Equal(text, body.GetProperty("signatureMethodText").GetString());
        await using var db = Factory.NewDbContext();
        Assert.Equal(Enum.Parse<SignatureMethod>(method), (await db.FootageRequests.SingleAsync()).SignatureMethod);
    }

    [Fact]
    public async Task AnUnknownReference_Is404()
    {
        var officer = await SignedInAsync(StaffRoles.Officer);
        await AssertProblemAsync(await officer.GetAsync("/api/staff/requests/CCTV-2569-999999"), 404);
        await AssertProblemAsync(await officer.GetAsync("/api/staff/requests/not-a-reference"), 404);
    }

    [Fact]
    public async Task Attachments_AreServedByteForByte_AsDownloads_WithSafeHeaders()
    {
        var form = new SubmissionForm();
        var reference = await FileAsync(form);
        var officer = await SignedInAsync(StaffRoles.Officer);
        var (detail, _) = await DetailAsync(officer, reference);
        var idCard = detail.GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "IdCardCopy");
        var url = $"/api/staff/requests/{reference}/attachments/{idCard.GetProperty("id").GetString()}";

        var download = await officer.GetAsync(url);
        var inline = await officer.GetAsync(url + "?inline=true");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(form.Files.Single(f => f.Field == "idCardCopy").Content, bytes);
        Assert.Equal(idCard.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("บัตรประชาชน.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("inline", inline.Content.Headers.ContentDisposition?.DispositionType);
        foreach (var response in new[] { download, inline })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        }
        await AssertProblemAsync(await officer.GetAsync($"/api/staff/requests/{reference}/attachments/{Guid.NewGuid()}"), 404);
    }

    [Fact]
    public async Task AnAttachmentWhoseFileIsGone_Answers404_NamingTheStorage()
    {
        var reference = await FileAsync();
        var officer = await SignedInAsync(StaffRoles.Officer);
        var (detail, _) = await DetailAsync(officer, reference);
        var idCard = detail.GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "IdCardCopy");
        await using (var db = Factory.NewDbContext())
        {
            var key = await db.Set<Attachment>().Where(a => a.Id == idCard.GetProperty("id").GetGuid()).Select(a => a.StorageKey).SingleAsync();
            File.Delete(Path.Combine(Factory.StorageRoot, "objects", key));
        }

        var response = await officer.GetAsync($"/api/staff/requests/{reference}/attachments/{idCard.GetProperty("id").GetString()}");

        await AssertProblemAsync(response, 404);
        Assert.Contains(StoredFiles.Missing.Th, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(Factory.Logs.Lines, l => l.Contains("is missing from the store", StringComparison.Ordinal));
    }
}
