using System.IO.Compression;
using System.Text.RegularExpressions;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>An administrator answers a data subject: finds them, logs the request, exports their data, erases it.</summary>
public class SubjectRightsPageTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    [Fact]
    public async Task AnAdmin_FindsThePerson_LogsTheirRequest_ExportsEverything_AndErasesIt()
    {
        var form = new SubmissionForm();
        var (reference, _) = await StaffPages.FileAsync(Factory.BaseUrl, form);
        var admin = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Admin, name: "ผู้ดูแล ข้อมูล");

        var page = await OpenAsync("/staff/", Desktop);
        await StaffPages.SignInAsync(page, admin);
        await page.GetByRole(AriaRole.Link, new() { Name = "สิทธิเจ้าของข้อมูล", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "สิทธิของเจ้าของข้อมูลส่วนบุคคล", Level = 1 })).ToBeVisibleAsync();

        // Find the person by their national ID.
        await page.GetByLabel("เลขบัตรประชาชน").FillAsync(form.NationalId);
        await StaffPages.Button(page, "ค้นหา").ClickAsync();
        await Expect(page.Locator("#search-status")).ToHaveTextAsync("พบคำร้อง 1 รายการ");
        await Expect(page.Locator($"#subject-requests tr[data-ref='{reference}']")).ToBeVisibleAsync();

        // Log their request: erasure, asked today.
        await page.GetByLabel("ประเภทคำขอ").SelectOptionAsync(new SelectOptionValue { Label = "ขอลบข้อมูล" });
        await page.GetByLabel("บันทึก", new() { Exact = true }).FillAsync("ขอทางอีเมล");
        await StaffPages.Button(page, "บันทึกคำขอใช้สิทธิ").ClickAsync();
        await Expect(page.Locator("#rr-status")).ToContainTextAsync("บันทึกคำขอใช้สิทธิแล้ว ครบกำหนด");
        await Expect(page.Locator("#rights-table")).ToContainTextAsync("ขอลบข้อมูล");
        await ScreenshotAsync(page, "staff-subjects-1280.png");
        Assert.Empty(await SeriousViolationsAsync(page));

        // Export everything they hold: a ZIP with the JSON and every file.
        var download = await page.RunAndWaitForDownloadAsync(() => StaffPages.Button(page, "ส่งออกข้อมูลทั้งหมด (ZIP)").ClickAsync());
        Assert.EndsWith(".zip", download.SuggestedFilename);
        using (var zip = ZipFile.OpenRead((await download.PathAsync())!))
        {
            Assert.NotNull(zip.GetEntry("subject.json"));
            Assert.Equal(form.Files.Count, zip.Entries.Count(e => e.FullName.StartsWith($"files/{reference}/", StringComparison.Ordinal)));
        }

        // Erase it, with a reason, after the warning.
        await StaffPages.Button(page, "ลบข้อมูลของบุคคลนี้ทั้งหมด").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Alertdialog);
        await Expect(dialog).ToContainTextAsync("เมื่อลบแล้วจะเรียกคืนไม่ได้");
        await dialog.GetByLabel("เหตุผลในการลบ").FillAsync("เจ้าของข้อมูลขอให้ลบทางอีเมล");
        await StaffPages.Button(page, "ยืนยันการลบข้อมูลทั้งหมด").ClickAsync();
        await Expect(page.Locator("#subject-status")).ToContainTextAsync("ลบข้อมูลแล้ว 1 คำร้อง");

        await using var db = Factory.NewDbContext();
        Assert.True(ReferenceNumber.TryParse(reference, out var number));
        var erased = await db.FootageRequests.Include(r => r.Attachments).SingleAsync(r => r.ReferenceNumber == number);
        Assert.NotNull(erased.ErasedAt);
        Assert.Equal(RequestStatus.Cancelled, erased.Status);
        Assert.Empty(erased.Attachments);
        AssertNoConsoleErrorsBut(401);
    }
}
