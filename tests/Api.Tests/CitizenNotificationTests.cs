using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CctvRequests.Application.Notifications;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CctvRequests.Api.Tests;

/// <summary>
/// The citizen hears back (SPEC decision 15): e-mail to a real SMTP server and SMS to the gateway stand-in, for
/// the submission and each decision, in the form's language; a rolled-back decision sends nothing; the unsubscribe
/// link stops the next message; a hostile address is a 400 naming the field.
/// </summary>
public sealed partial class CitizenNotificationTests(NotificationsFactory factory) : IClassFixture<NotificationsFactory>, IAsyncLifetime
{
    private readonly HttpClient _citizen = factory.CreateClient();

    public Task InitializeAsync() => factory.ResetWithServersAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpResponseMessage> SubmitAsync(SubmissionForm form, string language = "th")
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = form.ToContent() };
        message.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return await _citizen.SendAsync(message);
    }

    private async Task<string> FileAsync(SubmissionForm form, string language = "th")
    {
        var response = await SubmitAsync(form, language);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("referenceNumber").GetString()!;
    }

    private async Task<string> ETagAsync(StaffClient staff, string reference) =>
        (await staff.GetAsync($"/api/staff/requests/{reference}")).Headers.ETag!.ToString();

    private async Task DecideAsync(StaffClient staff, string reference, string decision, object? body = null)
    {
        var answer = await staff.PostAsync($"/api/staff/requests/{reference}/{decision}", body ?? new { }, await ETagAsync(staff, reference));
        Assert.True(answer.StatusCode == HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
    }

    private async Task<StaffClient> ApproverAsync() =>
        await StaffClient.SignedInAsync(factory, await TestStaffAccounts.CreateAsync(factory, StaffRoles.Approver));

    [Fact]
    public async Task AnEnglishRequest_SubmittedReceivedAndApproved_GetsThreeEnglishEmails_WithALinkThatOpensItsStatus()
    {
        var reference = await FileAsync(new SubmissionForm().Set("email", "visitor@example.com").WithPassport(), "en");
        var approver = await ApproverAsync();
        await DecideAsync(approver, reference, "receive");
        await DecideAsync(approver, reference, "approve");

        var mails = await factory.Smtp.WaitForAsync(3);

        Assert.Equal(3, mails.Count);
        Assert.Equal(
            [$"Request {reference}: Pending approval", $"Request {reference}: Received by an officer", $"Request {reference}: Approved"],
            mails.Select(m => m.Subject));
        Assert.All(mails, m =>
        {
            Assert.Equal("visitor@example.com", m.To.Mailboxes.Single().Address);
            Assert.Contains(reference, m.TextBody);
            Assert.DoesNotContain("ทดสอบ", m.TextBody); // never an officer's name
            Assert.Contains(reference, m.HtmlBody);
            Assert.StartsWith("<https://cctv.example.test/api/notifications/unsubscribe?t=", m.Headers["List-Unsubscribe"]);
        });
        Assert.Contains("Dear applicant", mails[2].TextBody);
        // The approval says what to do for a copy (the organization's text), once.
        Assert.Contains("storage", mails[2].TextBody, StringComparison.OrdinalIgnoreCase);
        var token = StatusToken().Match(mails[2].TextBody ?? string.Empty).Groups[1].Value;
        var status = await _citizen.PostAsJsonAsync("/api/status/token", new { token });
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(reference, (await status.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("referenceNumber").GetString());
        Assert.Equal(3, factory.Smtp.Messages().Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task AThaiRequest_GetsThaiMessages_ByEmailAndBySms_TheSmsWithinTwoSegments()
    {
        var reference = await FileAsync(new SubmissionForm().Set("email", "somsak@example.com").Set("notifyBySms", "true"));
        var approver = await ApproverAsync();
        await DecideAsync(approver, reference, "receive");
        await DecideAsync(approver, reference, "cancel", new { reasonCode = "IncompleteData", message = "กรุณาแนบสำเนาบันทึกแจ้งความที่อ่านออก" });

        var mails = await factory.Smtp.WaitForAsync(3);
        Assert.Equal([$"คำร้อง {reference}: รออนุมัติ", $"คำร้อง {reference}: เจ้าหน้าที่รับเรื่องแล้ว", $"คำร้อง {reference}: ยกเลิก"], mails.Select(m => m.Subject));
        Assert.Contains("กรุณาแนบสำเนาบันทึกแจ้งความที่อ่านออก", mails[2].TextBody);
        Assert.Contains("เหตุผล:", mails[2].TextBody);
        var rows = await factory.SettledAsync();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal(MessageStatus.Sent, r.Status));
        Assert.Empty(factory.Sms.Violations);
        var sms = factory.Sms.Received.ToList();
        Assert.Equal(3, sms.Count);
        Assert.All(sms, s =>
        {
            Assert.Equal("66812345678", s.To);
            Assert.StartsWith($"คำร้อง {reference}: ", s.Message);
            Assert.InRange(s.Message.Length, 1, CitizenMessages.SmsMaxLength);
            Assert.Contains("https://cctv.example.test/s#", s.Message);
        });
    }

    [Fact]
    public async Task TheCopyPublishedOnline_IsAnnounced_WithItsLastDay()
    {
        var reference = await FileAsync(new SubmissionForm().Set("email", "somsak@example.com").Set("notifyBySms", "true"));
        var approver = await ApproverAsync();
        await DecideAsync(approver, reference, "receive");
        await DecideAsync(approver, reference, "approve");
        using (var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/requests/{reference}/clips"))
        {
            upload.Content = new MultipartFormDataContent { { new ByteArrayContent(TestClips.Mp4), "file", "cam1.mp4" } };
            upload.Headers.Add(StaffClient.CsrfHeader, approver.CsrfToken);
            Assert.Equal(HttpStatusCode.Created, (await approver.Http.SendAsync(upload)).StatusCode);
        }
        var lastDay = SubmissionForm.TodayInBangkok.AddDays(5);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/api/staff/requests/{reference}/clips/publish", new { expiresOn = SubmissionForm.Iso(lastDay) })).StatusCode);

        var mails = await factory.Smtp.WaitForAsync(4);
        var ready = mails[3];
        Assert.Equal($"คำร้อง {reference}: ไฟล์ภาพพร้อมให้ดาวน์โหลด", ready.Subject);
        var thaiMonths = new[] { "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม" };
        Assert.Contains($"{lastDay.Day} {thaiMonths[lastDay.Month - 1]} {lastDay.Year + 543}", ready.TextBody);
        Assert.Contains("/status#t=", ready.TextBody);
        // The SMS leaves in its own attempt, maybe after the e-mail: wait until every message is settled.
        await factory.SettledAsync();
        Assert.Contains(factory.Sms.Received, s => s.Message.Contains("ไฟล์ภาพพร้อมให้ดาวน์โหลด", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADecisionThatRollsBack_SendsNothing()
    {
        var reference = await FileAsync(new SubmissionForm().Set("email", "somsak@example.com"));
        await factory.Smtp.WaitForAsync(1);
        var approver = await ApproverAsync();
        var etag = await ETagAsync(approver, reference);

        factory.CommitFailure.ArmBeforeCommit();
        var failed = await approver.PostAsync($"/api/staff/requests/{reference}/receive", new { }, etag);

        Assert.NotEqual(HttpStatusCode.OK, failed.StatusCode);
        await Task.Delay(2000);
        Assert.Single(factory.Smtp.Messages());
        await using var db = factory.NewDbContext();
        Assert.Equal(1, await db.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task TheOneClickUnsubscribe_StopsTheNextMessages()
    {
        var reference = await FileAsync(new SubmissionForm().Set("email", "somsak@example.com").Set("notifyBySms", "true"));
        var first = Assert.Single(await factory.Smtp.WaitForAsync(1));
        var unsubscribe = first.Headers["List-Unsubscribe"]!.Trim('<', '>');

        // As a mail client does it (RFC 8058): a POST with the one-click body, no cookies, no page.
        var stopped = await _citizen.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        var approver = await ApproverAsync();
        await DecideAsync(approver, reference, "receive");

        await Task.Delay(2000);
        Assert.Single(factory.Smtp.Messages());
        Assert.Single(factory.Sms.Received);
        await using var db = factory.NewDbContext();
        Assert.Equal(2, await db.OutboxMessages.CountAsync());
        Assert.NotNull((await db.FootageRequests.SingleAsync()).Notifications.StoppedAt);
        // A made-up token stops nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await _citizen.PostAsJsonAsync("/api/notifications/unsubscribe", new { token = "not-a-token" })).StatusCode);
    }

    [Theory]
    [InlineData("somsak@example.com\r\nBcc: everyone@example.com")]
    [InlineData("somsak@example.com\nBcc:everyone@example.com")]
    [InlineData("สมศักดิ์@ตัวอย่าง.ไทย")]
    [InlineData("somsak@xn--ex-mla.com, other@example.com")]
    [InlineData("<somsak@example.com>")]
    [InlineData("somsak@localhost")]
    [InlineData("somsak")]
    public async Task AHostileOrBrokenEmail_IsA400NamingTheField_AndNothingIsSaved(string email)
    {
        var response = await SubmitAsync(new SubmissionForm().Set("email", email));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _), errors.ToString());
        await NothingStored.AssertNothingStoredAsync(factory);
    }

    [Fact]
    public async Task AnEmailOf300Characters_IsA400()
    {
        var response = await SubmitAsync(new SubmissionForm().Set("email", new string('a', 288) + "@example.com"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task SmsToALandline_IsA400NamingTheTick()
    {
        var response = await SubmitAsync(new SubmissionForm().Set("phone", "02-123-4567").Set("notifyBySms", "true"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("notifyBySms", out _));
    }

    [Fact]
    public async Task WhileSmtpIsAwayForTwoMinutes_SubmissionsGoOn_AndEveryMessageIsDeliveredAfter()
    {
        await factory.Smtp.StopAsync();
        var references = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            references.Add(await FileAsync(new SubmissionForm().Set("email", $"citizen{i}@example.com")));
        }
        Assert.All(await factory.SettledAsync(), m => Assert.Equal(MessageStatus.Failed, m.Status));

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await factory.Smtp.StartAsync();
        factory.Services.GetRequiredService<Infrastructure.Notifications.OutboxSignal>().Set();

        var mails = await factory.Smtp.WaitForAsync(5);
        Assert.Equal(references.Order(), mails.Select(m => m.Subject!.Split(' ')[1].TrimEnd(':')).Order());
        Assert.All(await factory.SettledAsync(), m => Assert.Equal(MessageStatus.Sent, m.Status));
    }

    [Fact]
    public async Task StaffSeeEachMessage_MaskedAndWithoutItsBody_AndAnAdministratorSendsAGivenUpOneAgain()
    {
        factory.Sms.FailWith = 422;
        var reference = await FileAsync(new SubmissionForm().Set("email", "somsak@example.com").Set("notifyBySms", "true"));
        await factory.Smtp.WaitForAsync(1);
        await factory.SettledAsync();
        var admin = await StaffClient.SignedInAsync(factory, await TestStaffAccounts.CreateAsync(factory, StaffRoles.Admin));

        var list = await StaffClient.ReadAsync(await admin.GetAsync($"/api/staff/requests/{reference}/messages"));
        var messages = list.EnumerateArray().ToList();
        Assert.Equal(["Email", "Sms"], messages.Select(m => m.GetProperty("channel").GetString()).Order());
        var email = messages.Single(m => m.GetProperty("channel").GetString() == "Email");
        Assert.Equal("Sent", email.GetProperty("status").GetString());
        Assert.Equal("so****@example.com", email.GetProperty("recipient").GetString());
        Assert.False(email.TryGetProperty("body", out _));
        var sms = messages.Single(m => m.GetProperty("channel").GetString() == "Sms");
        Assert.Equal("GivenUp", sms.GetProperty("status").GetString());
        Assert.Equal("xxx-xxx-5678", sms.GetProperty("recipient").GetString());
        Assert.Contains("gateway 422", sms.GetProperty("lastError").GetString());

        var failing = await StaffClient.ReadAsync(await admin.GetAsync("/api/staff/messages"));
        Assert.Equal(reference, Assert.Single(failing.EnumerateArray()).GetProperty("referenceNumber").GetString());
        factory.Sms.FailWith = null;
        var retried = await admin.PostAsync($"/api/staff/messages/{sms.GetProperty("id").GetString()}/retry");
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var settled = await factory.SettledAsync();
        Assert.All(settled, m => Assert.Equal(MessageStatus.Sent, m.Status));
        Assert.Single(factory.Sms.Received);
        // An officer may read the list but not send again.
        var officer = await StaffClient.SignedInAsync(factory, await TestStaffAccounts.CreateAsync(factory, StaffRoles.Officer));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/api/staff/messages/{sms.GetProperty("id").GetString()}/retry")).StatusCode);
    }

    [Fact]
    public async Task TheFormSettings_SayWhichChannelsThisInstallationHas()
    {
        var settings = await _citizen.GetFromJsonAsync<JsonElement>("/api/form-settings");
        Assert.True(settings.GetProperty("notifications").GetProperty("email").GetBoolean());
        Assert.True(settings.GetProperty("notifications").GetProperty("sms").GetBoolean());
        Assert.Contains(settings.GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "email");
    }

    [GeneratedRegex(@"/status#t=([A-Za-z0-9_-]{43})")]
    private static partial Regex StatusToken();
}
