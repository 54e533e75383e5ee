using System.Text.Json;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>The paper the approval chain signs: printed by Chromium to a PDF, read back with poppler.</summary>
public class PrintedFormTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    private static readonly string[] ThaiMonths =
    [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ];

    /// <summary>"16 กุมภาพันธ์ 2569": the day, the month's name, the Buddhist year.</summary>
    public static string OfficialDate(DateOnly date) => $"{date.Day} {ThaiMonths[date.Month - 1]} {date.Year + 543}";

    [Fact]
    public async Task AnApprovedRequest_PrintsOnA4_WithOfficialDates_TheFourSignatureBlocks_AndTheApplicantsSignature()
    {
        var (reference, _) = await StaffPages.FileAsync(Factory.BaseUrl, new SubmissionForm().Set("signatureMethod", "Typed"));
        await StaffPages.DecideAsync(Factory, reference, approve: true);
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        using var http = new HttpClient { BaseAddress = new Uri(Factory.BaseUrl) };
        var organization = JsonDocument.Parse(await http.GetStringAsync("/api/form-settings")).RootElement.GetProperty("organization");

        var page = await OpenAsync("/staff/", Desktop);
        await StaffPages.SignInAsync(page, officer);
        await page.GotoAsync($"{Factory.BaseUrl}/staff/requests/{reference}");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "พิมพ์แบบฟอร์ม" }).ClickAsync();
        await Expect(StaffPages.Button(page, "พิมพ์")).ToBeEnabledAsync();
        var signature = page.GetByRole(AriaRole.Img, new PageGetByRoleOptions { Name = "ลายมือชื่อผู้ยื่นคำร้อง" });
        await Expect(signature).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
        await ScreenshotAsync(page, "staff-print-1280.png");

        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });

        var text = await Poppler.TextAsync(pdf);
        string Squeezed(string s) => s.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Contains(Squeezed(organization.GetProperty("formTitle").GetProperty("th").GetString()!), text);
        Assert.Contains(Squeezed(reference), text);
        // Written on, and decided on: today, the Thai official way; the incident two days before.
        Assert.Contains(Squeezed("วันที่ " + OfficialDate(TestClock.Today)), text);
        Assert.Contains(Squeezed(OfficialDate(TestClock.Today.AddDays(-2))), text);
        foreach (var block in new[] { "officer", "centreHead", "deputy", "chiefExecutive" })
        {
            Assert.Contains(Squeezed(organization.GetProperty("signatureTitles").GetProperty(block).GetProperty("th").GetString()!), text);
        }
        Assert.Contains("☑อนุมัติ", text);
        Assert.Contains(Squeezed(StoredRequests.Officer.Name), text);
        // The applicant's signature (400 × 150 in the test's upload) is in the PDF as an image.
        Assert.Contains(await Poppler.ImagesAsync(pdf), image => image is { Width: 400, Height: 150 });
        // And how it was made: this applicant typed the name.
        Assert.Contains(Squeezed("(ลงชื่อโดยพิมพ์ชื่อ)"), text);
        Assert.InRange(await Poppler.PagesAsync(pdf), 1, 2);

        await using var db = Factory.NewDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "PrintRequest" && e.ReferenceNumber == reference));
        AssertNoConsoleErrors();
    }
}
