using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>
/// An approved copy leaves the office: the officer picks the clips (hashed in the browser, never
/// uploaded), names the medium, the recipient signs on the screen, and the receipt prints.
/// </summary>
public class HandOverPageTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    [Fact]
    public async Task TheClipsHashedInTheBrowser_AreTheHashesDotNetComputes_AndTheReceiptShowsThem()
    {
        var (reference, _) = await StaffPages.FileAsync(Factory.BaseUrl, new SubmissionForm());
        await StaffPages.DecideAsync(Factory, reference, approve: true);
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer, name: "สมชาย ส่งมอบ");
        var random = new Random(20261129);
        var clips = new[] { ("cam3-1430.mp4", new byte[3 * 1024 * 1024 + 17]), ("cam3-1445.mp4", new byte[1024]) };
        foreach (var (_, bytes) in clips)
        {
            random.NextBytes(bytes);
        }

        var page = await OpenAsync("/staff/", Desktop);
        await StaffPages.SignInAsync(page, officer);
        await page.GotoAsync($"{Factory.BaseUrl}/staff/requests/{reference}");
        await page.GetByLabel("ไฟล์ภาพที่ส่งมอบ").SetInputFilesAsync(
            clips.Select(c => new FilePayload { Name = c.Item1, MimeType = "video/mp4", Buffer = c.Item2 }));
        await Expect(page.Locator("#hash-status")).ToHaveTextAsync("คำนวณ SHA-256 ครบ 2 ไฟล์แล้ว");
        await page.GetByLabel("สื่อบันทึกข้อมูล", new PageGetByLabelOptions { Exact = true }).FillAsync("แฟลชไดรฟ์ USB 32 GB ของผู้ยื่นคำร้อง");
        await Expect(page.GetByLabel("ผู้รับ", new PageGetByLabelOptions { Exact = true })).ToHaveValueAsync("นายสมศักดิ์ ใจดี");
        await CitizenForm.DrawAsync(page, page.GetByLabel("ลายมือชื่อผู้รับ"));
        await StaffPages.Button(page, "บันทึกการส่งมอบ").ClickAsync();
        await Expect(page.Locator("#handover-status")).ToHaveTextAsync("บันทึกการส่งมอบแล้ว");
        await Expect(page.Locator("#handover-list tbody tr")).ToHaveCountAsync(1);

        var expected = clips.Select(c => (c.Item1, (long)c.Item2.Length, Convert.ToHexStringLower(SHA256.HashData(c.Item2)))).ToList();
        await using (var db = Factory.NewDbContext())
        {
            Assert.True(ReferenceNumber.TryParse(reference, out var number));
            var stored = await db.FootageRequests.Include(r => r.HandOvers).SingleAsync(r => r.ReferenceNumber == number);
            var handOver = Assert.Single(stored.HandOvers);
            Assert.Equal(expected, handOver.Clips.Select(c => (c.FileName, c.SizeBytes, c.Sha256)).OrderBy(c => c.FileName).ToList());
            Assert.Equal("แฟลชไดรฟ์ USB 32 GB ของผู้ยื่นคำร้อง", handOver.Medium);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "RecordHandOver" && e.ReferenceNumber == reference));
        }

        // The receipt: every clip with its hash, the recipient's signature, the officer who handed it over.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { NameRegex = new Regex("^ใบรับ") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "ใบรับสำเนาข้อมูลภาพจากกล้องวงจรปิด" })).ToBeVisibleAsync();
        foreach (var (_, _, sha) in expected)
        {
            await Expect(page.Locator("table.clips")).ToContainTextAsync(sha);
        }
        await Expect(page.Locator("body")).ToContainTextAsync("สมชาย ส่งมอบ");
        var signature = page.GetByRole(AriaRole.Img, new PageGetByRoleOptions { NameRegex = new Regex("^ลายมือชื่อผู้รับ") });
        await Expect(signature).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
        await ScreenshotAsync(page, "staff-receipt-1280.png");
        var text = await Poppler.TextAsync(await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true }));
        Assert.All(expected, clip => Assert.Contains(clip.Item3, text));
        AssertNoConsoleErrors();
    }
}
