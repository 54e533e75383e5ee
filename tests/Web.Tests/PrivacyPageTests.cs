using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>The privacy notice on a page of its own (/privacy), linked from every citizen page.</summary>
public class PrivacyPageTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    [Fact]
    public async Task TheNotice_IsOneClickFromTheForm_InThaiAndEnglish_AndCleanForAxe()
    {
        var page = await OpenAsync("/", Phone);
        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "นโยบายความเป็นส่วนตัว", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(Factory.BaseUrl + "/privacy");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "นโยบายความเป็นส่วนตัว", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#pv-meta")).ToContainTextAsync("ฉบับ 2569-2");
        await Expect(page.Locator("#pv-text")).ToContainTextAsync("ไม่เกิน 3 ปี");
        await Expect(page.Locator("#pv-phone")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^tel:\\+66"));
        Assert.Empty(await ViolationsAsync(page));
        Assert.False(await HasHorizontalScrollAsync(page));
        await ScreenshotAsync(page, "privacy-360.png");

        await page.Locator("#lang-switch").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Privacy notice", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#pv-text")).ToContainTextAsync("3 years");
        Assert.Empty(await ViolationsAsync(page));
        AssertNoConsoleErrors();
    }
}
