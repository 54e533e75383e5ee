using System.Text.RegularExpressions;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>A citizen files a request on a phone, keeps the QR code and follows the request.</summary>
public class CitizenJourneyTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    [Fact]
    public async Task OnAPhone_InThai_FillSubmitDownloadTheQrOpenTheStatusAndLookUp()
    {
        var page = await OpenAsync("/", Phone);
        var form = new CitizenForm(page);

        // The written-on date defaults to today, in the Buddhist Era.
        await Expect(form.Field("วันที่เขียน", "Date of request")).ToHaveValueAsync(BuddhistDate(CitizenForm.Today));
        await form.FillApplicantAsync();
        await Expect(page.GetByText("เลขบัตรประชาชนถูกต้อง")).ToBeVisibleAsync();
        await form.FillRequestAsync();
        await Expect(page.Locator("#overwrite-clock")).ToContainTextAsync("จะถูกบันทึกทับในวันที่");
        await form.AttachAsync();
        await form.AcceptPrivacyAsync();
        await form.SignAsync();
        await ScreenshotAsync(page, "form-360.png");
        Assert.False(await HasHorizontalScrollAsync(page));

        await form.SubmitAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "ส่งคำร้องเรียบร้อยแล้ว" })).ToBeVisibleAsync();
        var reference = (await page.Locator("#done-reference").TextContentAsync())!;
        Assert.Matches($"^CCTV-{CitizenForm.Today.Year + 543}-[0-9]{{6}}$", reference);
        var qr = page.GetByRole(AriaRole.Img, new PageGetByRoleOptions { NameRegex = new Regex("QR Code") });
        await Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<int>("img => img.naturalWidth") > 0);
        await ScreenshotAsync(page, "confirmation-360.png");
        Assert.False(await HasHorizontalScrollAsync(page));

        // Download the QR code, and read it as a phone camera would.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "ดาวน์โหลด QR Code" }).ClickAsync());
        Assert.EndsWith(".png", download.SuggestedFilename);
        var statusUrl = QrCodes.Decode(await File.ReadAllBytesAsync((await download.PathAsync())!));
        Assert.NotNull(statusUrl);
        Assert.StartsWith(Factory.BaseUrl + "/status#t=", statusUrl);
        Assert.Equal(statusUrl, await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "เปิดหน้าสถานะคำร้อง" }).GetAttributeAsync("href"));

        // What was stored is what was typed; the BE dates became the right CE dates.
        await using (var db = Factory.NewDbContext())
        {
            var stored = await db.FootageRequests.Include(r => r.Attachments).SingleAsync();
            Assert.Equal(reference, stored.ReferenceNumber.Value);
            Assert.Equal(form.NationalId, stored.Applicant.Identity.Number);
            Assert.Equal(CitizenForm.Today, stored.WrittenOn);
            Assert.Equal(form.IncidentDate, stored.IncidentDate);
            Assert.Equal(new TimeOnly(14, 30), stored.IncidentTime);
            Assert.Equal(Purpose.Copy, stored.Purpose);
            Assert.Equal(2, stored.FileCount);
            Assert.Equal(3, stored.StationId);
            Assert.Equal("+66812345678", stored.Applicant.Phone.E164);
            Assert.Equal(
                [AttachmentKind.IdCardCopy, AttachmentKind.PoliceReport, AttachmentKind.Signature],
                stored.Attachments.Select(a => a.Kind).Order());
            Assert.Equal("image/png", stored.Signature!.ContentType);
        }

        // Scan: the QR opens the status page.
        var status = await page.Context.NewPageAsync();
        await status.GotoAsync(statusUrl);
        await Expect(status.Locator("#sp-reference")).ToHaveTextAsync(reference);
        await Expect(status.Locator("#sp-status")).ToHaveTextAsync("รออนุมัติ");
        await Expect(status.Locator("#sp-name")).ToHaveTextAsync("นายสม*** ใจ***");
        Assert.False(await HasHorizontalScrollAsync(status));

        // Look the request up by national ID, top right.
        await (await LookupAsync(status)).FillAsync(form.NationalId);
        await status.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "ค้นหา", Exact = true }).ClickAsync();
        var results = status.Locator("#lookup-results");
        await Expect(results).ToContainTextAsync(reference);
        await Expect(results).ToContainTextAsync("รออนุมัติ");
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task OnADesktop_TheConfirmationAndFormFitWithoutHorizontalScrolling()
    {
        var page = await OpenAsync("/", Desktop);
        var form = new CitizenForm(page);
        await form.FillEverythingAsync();
        await ScreenshotAsync(page, "form-1280.png");
        Assert.False(await HasHorizontalScrollAsync(page));

        await form.SubmitAsync();

        await Expect(page.Locator("#done-reference")).ToHaveTextAsync(new Regex("^CCTV-"));
        await ScreenshotAsync(page, "confirmation-1280.png");
        Assert.False(await HasHorizontalScrollAsync(page));
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ThaiDigitsInTheNationalIdAndDates_AreUnderstood()
    {
        var page = await OpenAsync("/", Desktop);
        var form = new CitizenForm(page);
        await form.FillEverythingAsync();
        await form.Field("เลขบัตรประชาชน", "").FillAsync(ThaiDigits(form.NationalId));
        var incident = form.Field("วันที่เกิดเหตุ", "");
        await incident.FillAsync(ThaiDigits(BuddhistDate(form.IncidentDate)));
        await incident.PressAsync("Tab");
        await Expect(incident).ToHaveValueAsync(BuddhistDate(form.IncidentDate));

        await form.SubmitAsync();

        await Expect(page.Locator("#done-reference")).ToHaveTextAsync(new Regex("^CCTV-"));
        await using var db = Factory.NewDbContext();
        var stored = await db.FootageRequests.SingleAsync();
        Assert.Equal(form.NationalId, stored.Applicant.Identity.Number);
        Assert.Equal(form.IncidentDate, stored.IncidentDate);
    }

    [Fact]
    public async Task DoubleClickingSend_CreatesOneRequest()
    {
        var page = await OpenAsync("/", Desktop);
        var form = new CitizenForm(page);
        await form.FillEverythingAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "ส่งคำร้อง", Exact = true }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "ยืนยันส่งคำร้อง" }).DblClickAsync(new LocatorDblClickOptions { Force = true });

        await Expect(page.Locator("#done-reference")).ToHaveTextAsync(new Regex("^CCTV-"));
        await page.WaitForTimeoutAsync(500);
        await using var db = Factory.NewDbContext();
        Assert.Equal(1, await db.FootageRequests.CountAsync());
    }
}
