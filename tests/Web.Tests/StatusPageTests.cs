using System.Text.Json;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>What the QR code opens, at each stage of the request.</summary>
public class StatusPageTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    private async Task<string> SubmitAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(Factory.BaseUrl) };
        var response = await client.PostAsync("/api/requests", new SubmissionForm().ToContent());
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("statusUrl").GetString()!;
    }

    private async Task ChangeAsync(Action<FootageRequest> change)
    {
        await using var db = Factory.NewDbContext();
        var request = await db.FootageRequests.Include(r => r.History).SingleAsync();
        change(request);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Cancelled_ShowsTheReasonAndTheOfficersMessage_ButNoInternalNote()
    {
        var statusUrl = await SubmitAsync();
        await ChangeAsync(r => r.Cancel(new Actor("officer.a", "officer.a"), Factory.Clock.GetUtcNow(), CancellationReason.WrongAttachments, "สำเนาบัตรประชาชนไม่ชัดเจน กรุณายื่นคำร้องใหม่", "internal: blurry"));

        var page = await OpenAsync(statusUrl[Factory.BaseUrl.Length..], Phone);

        await Expect(page.Locator("#sp-status")).ToHaveTextAsync("ยกเลิก");
        var cancelled = page.Locator("#sp-cancelled");
        await Expect(cancelled).ToBeVisibleAsync();
        await Expect(cancelled).ToContainTextAsync("เอกสารแนบไม่ถูกต้อง");
        await Expect(cancelled).ToContainTextAsync("สำเนาบัตรประชาชนไม่ชัดเจน กรุณายื่นคำร้องใหม่");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("internal");
        await Expect(page.Locator("#sp-history li")).ToHaveCountAsync(2);
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Approved_ShowsWhatToBringAndThePhoneNumber()
    {
        var statusUrl = await SubmitAsync();
        await ChangeAsync(r =>
        {
            r.Receive(new Actor("officer.a", "officer.a"), Factory.Clock.GetUtcNow().AddMinutes(-5));
            r.Approve(new Actor("chief", "chief"), StaffRole.Approver, Factory.Clock.GetUtcNow());
        });

        var page = await OpenAsync(statusUrl[Factory.BaseUrl.Length..], Desktop);

        await Expect(page.Locator("#sp-status")).ToHaveTextAsync("อนุมัติแล้ว");
        var approved = page.Locator("#sp-approved");
        await Expect(approved).ToBeVisibleAsync();
        await Expect(approved).ToContainTextAsync("กองช่าง");
        await Expect(approved.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "โทร. 054-237600 ต่อ 5060" })).ToHaveAttributeAsync("href", "tel:+6654237600,5060");
        await Expect(page.Locator("#sp-history li")).ToHaveCountAsync(3);
        Assert.False(await HasHorizontalScrollAsync(page));

        // The QR code can be downloaded again from here.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "ดาวน์โหลด QR Code อีกครั้ง" }).ClickAsync());
        Assert.Equal(statusUrl, QrCodes.Decode(await File.ReadAllBytesAsync((await download.PathAsync())!)));
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task AWrongOrMissingToken_SaysSoPlainly()
    {
        var page = await OpenAsync("/status#t=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", Phone);
        await Expect(page.Locator("#status-message")).ToContainTextAsync("ไม่พบคำร้องจากลิงก์นี้");
        await Expect(page.Locator("#status-card")).ToBeHiddenAsync();

        await page.GotoAsync(Factory.BaseUrl + "/status");
        await Expect(page.Locator("#status-message")).ToContainTextAsync("ลิงก์นี้ไม่มีรหัสติดตามสถานะ");
    }
}
