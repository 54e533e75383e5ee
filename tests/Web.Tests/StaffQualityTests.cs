using System.Text.RegularExpressions;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>The staff pages meet the citizen pages' bar: axe-clean, strict CSP, Thai and English, a tablet's width.</summary>
public class StaffQualityTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    private static readonly (int Width, int Height) Tablet = (820, 1180);

    [Theory]
    [InlineData(null)]
    [InlineData("en")]
    public async Task EveryStaffPage_HasNoAxeViolationOfAnyImpact_AndNoConsoleError(string? language)
    {
        var (reference, _) = await StaffPages.FileAsync(Factory.BaseUrl, new SubmissionForm());
        var admin = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Admin);
        var page = await OpenAsync("/staff/", Desktop, language, bypassCsp: true);
        // The shell renders the sign-in page from a module: check it once it is there, not the empty shell.
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await AllViolationsAsync(page));
        await StaffPages.SignInAsync(page, admin, english: language == "en");

        foreach (var (path, ready) in new[]
                 {
                     ("/staff/requests", "#queue-table tbody tr"), ($"/staff/requests/{reference}", "#d-attachments li"),
                     ("/staff/account", "#me-email"), ("/staff/users", "tr[data-user-id]"), ("/staff/audit", "tbody tr"),
                     ("/staff/statistics", "#tbl-status tr"), ("/staff/settings", "tr[data-station-id]"), ("/staff/subjects", "#rights-table"),
                     ("/staff/messages", "#failing-table tbody tr"), ("/staff/integrations", "#clients-table"),
                     ($"/staff/requests/{reference}/print", "#paper"),
                 })
        {
            await page.GotoAsync(Factory.BaseUrl + path);
            await Expect(page.Locator(ready).First).ToBeVisibleAsync();
            var violations = await AllViolationsAsync(page);
            Assert.True(violations.Count == 0, $"{path}: {string.Join("; ", violations)}");
        }
        AssertNoConsoleErrorsBut(401);
    }

    [Fact]
    public async Task StaffPages_SendTheStrictPolicy_AndFitATablet()
    {
        var (reference, _) = await StaffPages.FileAsync(Factory.BaseUrl, new SubmissionForm());
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        var page = await OpenAsync("/staff/", Tablet);
        await StaffPages.SignInAsync(page, officer);
        foreach (var path in new[] { "/staff/requests", $"/staff/requests/{reference}", "/staff/account" })
        {
            var response = await page.GotoAsync(Factory.BaseUrl + path);
            Assert.DoesNotContain("unsafe-inline", await response!.HeaderValueAsync("content-security-policy"));
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.False(await HasHorizontalScrollAsync(page), $"{path} scrolls sideways at 820 px");
        }
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task WithoutASession_StaffPagesGoToTheSignIn_AndEnglishWorks()
    {
        var page = await OpenAsync("/staff/requests", Desktop, "en");
        await page.WaitForURLAsync(new Regex("/staff/$"));
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        AssertNoConsoleErrorsBut(401);
    }
}
