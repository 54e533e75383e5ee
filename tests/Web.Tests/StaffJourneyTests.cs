using System.Text.RegularExpressions;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>
/// The back office end to end: an officer finds, checks and receives a request, an approver signs in
/// with a code and approves it, and the citizen's status page follows; another request is cancelled.
/// </summary>
public class StaffJourneyTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    [Fact]
    public async Task OfficerReceives_ApproverApproves_TheCitizenSeesIt_AndACancellationIsExplained()
    {
        // An ID card photographed (JPEG); the form's other document is a PDF.
        var form = new SubmissionForm().WithFile("idCardCopy", "id-card.jpg", SampleFiles.Jpeg(), "image/jpeg");
        var (reference, statusUrl) = await StaffPages.FileAsync(Factory.BaseUrl, form);
        var (second, secondStatusUrl) = await StaffPages.FileAsync(Factory.BaseUrl, new SubmissionForm());
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer, name: "สมชาย รับเรื่อง");
        var approver = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Approver, name: "สมหญิง อนุมัติ");

        // The officer finds the request by its reference number.
        var page = await OpenAsync("/staff/", Desktop);
        await StaffPages.SignInAsync(page, officer);
        await page.GetByLabel("ค้นหา", new PageGetByLabelOptions { Exact = true }).FillAsync(reference);
        await StaffPages.Button(page, "ค้นหา").ClickAsync();
        await Expect(page.Locator("#queue-table tbody tr")).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "staff-queue-1280.png");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = reference }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = $"คำร้องเลขที่ {reference}" })).ToBeVisibleAsync();

        // The ID card image shows; the PDF opens (inline, sandboxed).
        var idCard = page.Locator("#d-attachments img[alt^='สำเนาบัตรประชาชน']");
        await Expect(idCard).ToBeVisibleAsync();
        // Visible is not loaded: wait for the image to decode (a broken one rejects), then check it has pixels.
        await idCard.EvaluateAsync("img => img.decode()");
        Assert.True(await idCard.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        var pdfLink = page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "เปิดไฟล์ PDF" });
        Assert.Equal("_blank", await pdfLink.GetAttributeAsync("target"));
        var pdf = await page.Context.APIRequest.GetAsync(Factory.BaseUrl + await pdfLink.GetAttributeAsync("href"));
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Equal("sandbox", pdf.Headers["content-security-policy"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync())[..4]);

        // A note, the preservation record, then รับเรื่อง.
        await page.GetByLabel("บันทึกภายใน", new PageGetByLabelOptions { Exact = true }).FillAsync("โทรยืนยันกับผู้ยื่นแล้ว");
        await StaffPages.Button(page, "เพิ่มบันทึก").ClickAsync();
        await Expect(page.Locator("#d-notes")).ToContainTextAsync("โทรยืนยันกับผู้ยื่นแล้ว");
        await page.GetByLabel("รายละเอียดการเก็บรักษาภาพ", new PageGetByLabelOptions { Exact = true }).FillAsync("ส่งออกภาพ 2 คลิปไปยังไดรฟ์หลักฐาน E:");
        await StaffPages.Button(page, "บันทึกการเก็บรักษาภาพ").ClickAsync();
        await Expect(page.Locator("#d-preservations")).ToContainTextAsync("ไดรฟ์หลักฐาน");
        await StaffPages.Button(page, "รับเรื่อง").ClickAsync();
        await Expect(page.Locator("#d-status")).ToHaveTextAsync("เจ้าหน้าที่รับเรื่องแล้ว");
        await Expect(StaffPages.Button(page, "อนุมัติ")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "staff-request-1280.png");

        // The approver signs in with the authenticator's code and approves.
        var approverPage = await OpenAsync("/staff/", Desktop);
        await StaffPages.SignInAsync(approverPage, approver);
        await approverPage.GotoAsync($"{Factory.BaseUrl}/staff/requests/{reference}");
        await StaffPages.Button(approverPage, "อนุมัติ").ClickAsync();
        await Expect(approverPage.Locator("#d-status")).ToHaveTextAsync("อนุมัติแล้ว");
        await Expect(approverPage.Locator("#d-history")).ToContainTextAsync("สมหญิง อนุมัติ");

        // The citizen's status page (the QR code's link).
        var citizen = await OpenAsync(statusUrl[Factory.BaseUrl.Length..], Phone);
        await Expect(citizen.Locator("#sp-status")).ToHaveTextAsync("อนุมัติแล้ว");
        await Expect(citizen.Locator("#sp-history li")).ToHaveCountAsync(3);
        await Expect(citizen.Locator("body")).Not.ToContainTextAsync("โทรยืนยันกับผู้ยื่นแล้ว");
        await Expect(citizen.Locator("body")).Not.ToContainTextAsync("สมชาย");

        // The second request is cancelled with a reason and a message.
        await page.GotoAsync($"{Factory.BaseUrl}/staff/requests/{second}");
        await StaffPages.Button(page, "ยกเลิกคำร้อง").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("เหตุผลที่ยกเลิก").SelectOptionAsync(new SelectOptionValue { Label = "เอกสารแนบไม่ถูกต้อง" });
        await dialog.GetByLabel("ข้อความถึงผู้ยื่นคำร้อง").FillAsync("สำเนาบัตรประชาชนอ่านไม่ออก กรุณายื่นคำร้องใหม่");
        await StaffPages.Button(page, "ยืนยันการยกเลิก").ClickAsync();
        await Expect(page.Locator("#d-status")).ToHaveTextAsync("ยกเลิก");
        await citizen.GotoAsync(secondStatusUrl);
        await Expect(citizen.Locator("#sp-cancelled")).ToContainTextAsync("เอกสารแนบไม่ถูกต้อง");
        await Expect(citizen.Locator("#sp-cancelled")).ToContainTextAsync("สำเนาบัตรประชาชนอ่านไม่ออก กรุณายื่นคำร้องใหม่");

        await using var db = Factory.NewDbContext();
        var actions = await db.AuditEntries.Where(e => e.ReferenceNumber == reference).Select(e => e.Action).ToListAsync();
        Assert.Contains("OpenAttachment", actions);
        Assert.Contains("ApproveRequest", actions);
        AssertNoConsoleErrorsBut(401);
    }
}
