using System.Text.RegularExpressions;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>The queue's date filters are the citizen form's Buddhist Era fields: typed as dd/mm/2569 or picked from the Thai calendar.</summary>
public class QueueDateFilterTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    [Fact]
    public async Task ADateTypedInTheBuddhistEra_AndOnePicked_FilterTheQueue_AndStayInTheAddress()
    {
        var (reference, _) = await StaffPages.FileAsync(Factory.BaseUrl, new SubmissionForm());
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        var page = await OpenAsync("/staff/", Desktop);
        await StaffPages.SignInAsync(page, officer);
        var today = TestClock.Today;

        await page.GetByLabel("ยื่นตั้งแต่วันที่", new PageGetByLabelOptions { Exact = true }).FillAsync(BuddhistDate(today.AddDays(-1)));
        await page.Locator("[data-field='queue-submittedTo'] .date-field__open").ClickAsync();
        var calendar = page.GetByRole(AriaRole.Dialog);
        var month = PrintedFormTests.OfficialDate(today).Split(' ', 2)[1];
        await Expect(calendar).ToContainTextAsync(month);
        await Expect(calendar.GetByRole(AriaRole.Columnheader).First).ToHaveTextAsync("อา.");
        await calendar.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = PrintedFormTests.OfficialDate(today), Exact = true }).ClickAsync();
        var to = page.GetByLabel("ยื่นถึงวันที่", new PageGetByLabelOptions { Exact = true });
        await Expect(to).ToHaveValueAsync(BuddhistDate(today));
        await StaffPages.Button(page, "ค้นหา").ClickAsync();

        await page.WaitForURLAsync(new Regex($"submittedFrom={today.AddDays(-1):yyyy-MM-dd}&submittedTo={today:yyyy-MM-dd}"));
        await Expect(page.Locator("#queue-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#queue-table tbody")).ToContainTextAsync(reference);

        // After a reload the fields show the address's dates, in the Buddhist Era.
        await page.ReloadAsync();
        await Expect(to).ToHaveValueAsync(BuddhistDate(today));
        await page.GetByLabel("ยื่นตั้งแต่วันที่", new PageGetByLabelOptions { Exact = true }).FillAsync(BuddhistDate(today.AddDays(1)));
        await StaffPages.Button(page, "ค้นหา").ClickAsync();
        await Expect(page.Locator("#queue-table tbody")).ToContainTextAsync("ไม่พบคำร้องตามเงื่อนไขนี้");
        AssertNoConsoleErrorsBut(401);
    }
}
