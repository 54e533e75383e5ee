using System.Net;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Api.Tests;

/// <summary>Receive, approve, cancel: the status machine through the API, guarded by ETags, seen by the citizen.</summary>
public class StaffDecisionTests(ApiFactory factory) : StaffApiTest(factory)
{
    [Fact]
    public async Task ReceiveThenApprove_TheCitizenSeesApproved_AndTheHistoryNamesTheOfficers()
    {
        var submitted = await SubmitOkAsync(new SubmissionForm());
        var reference = submitted.GetProperty("referenceNumber").GetString()!;
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer, name: "สมชาย รับเรื่อง");
        var approver = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Approver, name: "สมหญิง อนุมัติ");
        var officerClient = await StaffClient.SignedInAsync(Factory, officer);
        var approverClient = await StaffClient.SignedInAsync(Factory, approver);

        var (pending, etag) = await DetailAsync(officerClient, reference);
        Assert.Equal(["receive", "cancel", "note", "preserve"], pending.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        var received = await officerClient.PostAsync($"/api/staff/requests/{reference}/receive", new { note = "นำเสนอหัวหน้าศูนย์แล้ว" }, etag);
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        Assert.Equal("Received", (await JsonAsync(received)).GetProperty("status").GetString());
        Assert.NotEqual(etag, received.Headers.ETag!.ToString());

        var (_, receivedTag) = await DetailAsync(approverClient, reference);
        var approved = await approverClient.PostAsync($"/api/staff/requests/{reference}/approve", new { }, receivedTag);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var body = await JsonAsync(approved);
        Assert.Equal("Approved", body.GetProperty("status").GetString());
        Assert.Equal(["ผู้ยื่นคำร้อง", "สมชาย รับเรื่อง", "สมหญิง อนุมัติ"], body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("actorName").GetString()));

        var citizen = await JsonAsync(await PostJsonAsync("/api/status/token", new { token = TokenOf(submitted.GetProperty("statusUrl").GetString()!) }));
        Assert.Equal("อนุมัติแล้ว", citizen.GetProperty("statusText").GetString());
        Assert.Equal(3, citizen.GetProperty("history").GetArrayLength());
        Assert.DoesNotContain("นำเสนอหัวหน้าศูนย์แล้ว", citizen.GetRawText());
        Assert.DoesNotContain("สมชาย", citizen.GetRawText());
    }

    [Fact]
    public async Task Cancel_ShowsTheReasonAndMessageToTheCitizen()
    {
        var submitted = await SubmitOkAsync(new SubmissionForm());
        var reference = submitted.GetProperty("referenceNumber").GetString()!;
        var officer = await SignedInAsync(StaffRoles.Officer);
        var (_, etag) = await DetailAsync(officer, reference);

        var cancelled = await officer.PostAsync($"/api/staff/requests/{reference}/cancel",
            new { reasonCode = "WrongAttachments", message = "สำเนาบัตรประชาชนไม่ชัดเจน กรุณายื่นใหม่", note = "ภาพเบลอ" }, etag);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var citizen = await JsonAsync(await PostJsonAsync("/api/status/token", new { token = TokenOf(submitted.GetProperty("statusUrl").GetString()!) }));
        var last = citizen.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("WrongAttachments", last.GetProperty("reasonCode").GetString());
        Assert.Equal("เอกสารแนบไม่ถูกต้อง", last.GetProperty("reason").GetString());
        Assert.Equal("สำเนาบัตรประชาชนไม่ชัดเจน กรุณายื่นใหม่", last.GetProperty("message").GetString());
        Assert.DoesNotContain("ภาพเบลอ", citizen.GetRawText());
    }

    [Theory]
    [InlineData("{\"message\":\"ไม่อนุมัติ\"}", "reasonCode")]
    [InlineData("{\"reasonCode\":\"Because\",\"message\":\"x\"}", "reasonCode")]
    [InlineData("{\"reasonCode\":\"Denied\"}", "message")]
    [InlineData("{\"reasonCode\":\"Denied\",\"message\":\"ไม่\\u202Eอนุมัติ\"}", "message")]
    public async Task Cancel_WithABadBody_Answers400NamingTheField(string body, string field)
    {
        var reference = await FileAsync();
        var officer = await SignedInAsync(StaffRoles.Officer);
        var (_, etag) = await DetailAsync(officer, reference);
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/requests/{reference}/cancel")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        message.Headers.Add(StaffClient.CsrfHeader, officer.CsrfToken);
        message.Headers.TryAddWithoutValidation("If-Match", etag);

        var response = await officer.Http.SendAsync(message);

        await AssertProblemAsync(response, 400);
        Assert.Equal([field], (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task AStaleETag_Is412_AMissingOne_Is428_AndAnIllegalMove_Is409()
    {
        var reference = await FileAsync();
        var officer = await SignedInAsync(StaffRoles.Officer);
        var approver = await SignedInAsync(StaffRoles.Approver);
        var (_, etag) = await DetailAsync(officer, reference);

        await AssertProblemAsync(await officer.PostAsync($"/api/staff/requests/{reference}/receive", new { }), 428);
        await AssertProblemAsync(await approver.PostAsync($"/api/staff/requests/{reference}/approve", new { }, etag), 409);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/staff/requests/{reference}/receive", new { }, etag)).StatusCode);
        await AssertProblemAsync(await officer.PostAsync($"/api/staff/requests/{reference}/cancel", new { reasonCode = "Denied", message = "ไม่อนุมัติ" }, etag), 412);
    }

    [Fact]
    public async Task TwoReceivesAtOnce_OneWins_TheOtherIs409Or412()
    {
        var reference = await FileAsync();
        var first = await SignedInAsync(StaffRoles.Officer);
        var second = await SignedInAsync(StaffRoles.Officer);
        var (_, etag) = await DetailAsync(first, reference);

        var answers = await Task.WhenAll(
            first.PostAsync($"/api/staff/requests/{reference}/receive", new { }, etag),
            second.PostAsync($"/api/staff/requests/{reference}/receive", new { }, etag));

        var codes = answers.Select(a => (int)a.StatusCode).Order().ToList();
        Assert.Equal(200, codes[0]);
        Assert.Contains(codes[1], new[] { 409, 412 });
        await using var db = Factory.NewDbContext();
        var request = await db.FootageRequests.Include(r => r.History).SingleAsync();
        Assert.Equal(2, request.History.Count);
    }

    [Fact]
    public async Task NotesAndPreservation_AreKeptForStaff_AndClearTheQueuesFlag()
    {
        var old = new SubmissionForm().Set("incidentDate", SubmissionForm.Iso(SubmissionForm.TodayInBangkok.AddDays(-28)));
        var reference = await FileAsync(old);
        var officer = await SignedInAsync(StaffRoles.Officer);

        var flagged = (await JsonAsync(await officer.GetAsync("/api/staff/requests"))).GetProperty("items")[0];
        Assert.Equal("overwriteSoon", flagged.GetProperty("flag").GetString());
        Assert.Equal(2, flagged.GetProperty("daysLeft").GetInt32());

        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsync($"/api/staff/requests/{reference}/notes", new { text = "โทรหาผู้ยื่นแล้ว" })).StatusCode);
        var preserved = await officer.PostAsync($"/api/staff/requests/{reference}/preservation", new { note = "ส่งออกไฟล์ 3 คลิปไว้ในไดรฟ์หลักฐาน" });
        Assert.Equal(HttpStatusCode.Created, preserved.StatusCode);

        var row = (await JsonAsync(await officer.GetAsync("/api/staff/requests"))).GetProperty("items")[0];
        Assert.True(row.GetProperty("preserved").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("flag").ValueKind);
        var (detail, _) = await DetailAsync(officer, reference);
        Assert.Equal("โทรหาผู้ยื่นแล้ว", detail.GetProperty("notes")[0].GetProperty("text").GetString());
        Assert.Equal("ส่งออกไฟล์ 3 คลิปไว้ในไดรฟ์หลักฐาน", detail.GetProperty("preservations")[0].GetProperty("note").GetString());
        await AssertProblemAsync(await officer.PostAsync($"/api/staff/requests/{reference}/notes", new { text = "  " }), 400);
    }

    [Fact]
    public async Task EveryChangeAndView_LeavesItsAuditEntry()
    {
        var reference = await FileAsync();
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        var client = await StaffClient.SignedInAsync(Factory, officer);
        var (detail, etag) = await DetailAsync(client, reference);
        var file = detail.GetProperty("attachments")[0].GetProperty("id").GetString();
        await client.GetAsync($"/api/staff/requests/{reference}/attachments/{file}");
        await client.PostAsync($"/api/staff/requests/{reference}/notes", new { text = "บันทึก" });
        await client.PostAsync($"/api/staff/requests/{reference}/preservation", new { note = "ล็อกไว้ที่ NVR" });
        await client.PostAsync($"/api/staff/requests/{reference}/receive", new { }, etag);
        await client.GetAsync($"/api/staff/requests?q={reference}");

        await using var db = Factory.NewDbContext();
        var actions = await db.AuditEntries.Where(e => e.UserEmail == officer.Email).OrderBy(e => e.At).Select(e => new { e.Action, e.ReferenceNumber }).ToListAsync();
        Assert.Equal(["SignIn", "ViewRequest", "OpenAttachment", "AddNote", "RecordPreservation", "ReceiveRequest", "SearchRequests"], actions.Select(a => a.Action));
        Assert.All(actions.Where(a => a.Action is not ("SignIn" or "SearchRequests")), a => Assert.Equal(reference, a.ReferenceNumber));
        Assert.DoesNotContain(await db.AuditEntries.Select(e => e.Details).ToListAsync(), d => d != null && d.Contains(reference));
    }
}
