using System.Text.RegularExpressions;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>The same journey in English, for foreign residents and tourists; the choice is remembered.</summary>
public class EnglishTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    [Fact]
    public async Task InEnglish_FillSubmitOpenTheStatusAndLookUp()
    {
        var page = await OpenAsync("/", Phone);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Online request form" })).ToBeVisibleAsync();

        var form = new CitizenForm(page, english: true);
        await Expect(form.Field("", "Date of request")).ToHaveValueAsync(form.DateText(CitizenForm.Today));
        await form.FillEverythingAsync();
        await Expect(page.Locator("#overwrite-clock")).ToContainTextAsync("overwritten on");

        await form.SubmitAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Your request has been sent" })).ToBeVisibleAsync();
        var reference = (await page.Locator("#done-reference").TextContentAsync())!;
        var statusUrl = (await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Open the status page" }).GetAttributeAsync("href"))!;
        await using (var db = Factory.NewDbContext())
        {
            var stored = await db.FootageRequests.SingleAsync();
            Assert.Equal(form.IncidentDate, stored.IncidentDate);
            Assert.Equal("en", stored.PrivacyConsent.Language);
        }

        await page.GotoAsync(statusUrl);
        await Expect(page.Locator("#sp-status")).ToHaveTextAsync("Pending approval");
        await Expect(page.Locator("#sp-station")).ToHaveTextAsync("Nong Krating Public Park, Mueang Lampang, Lampang");
        await (await LookupAsync(page, "Check a request")).FillAsync(form.NationalId);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.Locator("#lookup-results")).ToContainTextAsync(reference);
        await Expect(page.Locator("#lookup-results")).ToContainTextAsync("Pending approval");
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task InEnglish_MistakesAreExplainedInEnglishBesideTheirFields()
    {
        var page = await OpenAsync("/", Desktop, language: "en");
        var form = new CitizenForm(page, english: true);
        await form.FillApplicantAsync();
        await form.Field("", "National ID number").FillAsync(NationalIds.WithWrongCheckDigit(form.NationalId));
        await form.Field("", "Phone number").FillAsync("12345");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send request", Exact = true }).ClickAsync();

        await Expect(page.Locator("#nationalId-error")).ToHaveTextAsync("The national ID is not valid; please check it.");
        await Expect(page.Locator("#phone-error")).ToContainTextAsync("Please enter a complete Thai phone number");
        await Expect(page.Locator("#signature-error")).ToHaveTextAsync("Please sign in the box, or choose to sign by typing your name.");
        await Expect(form.Field("", "First name")).ToHaveValueAsync("John");
    }

    [Fact]
    public async Task SwitchingBackToThai_TranslatesThePageAgain()
    {
        var page = await OpenAsync("/", Desktop, language: "en");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "ภาษาไทย" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "แบบฟอร์มคำร้องออนไลน์" })).ToBeVisibleAsync();
        await Expect(page.Locator("#request-form").GetByLabel("วันที่เขียน")).ToHaveValueAsync(new Regex($"/{CitizenForm.Today.Year + 543}$"));
    }
}
