using CctvRequests.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>SPEC §8.10: a tourist without a Thai ID files in English with a passport and finds the request by it.</summary>
public class PassportApplicantTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    [Fact]
    public async Task InEnglish_APassportHolderFiles_AndFindsTheRequestByPassport()
    {
        var page = await OpenAsync("/", Phone, language: "en");
        var form = new CitizenForm(page, english: true) { ConfirmShows = "XK7654321" };
        await form.Field("", "Title").SelectOptionAsync(new SelectOptionValue { Label = "Mr" });
        await form.Field("", "First name").FillAsync("John");
        await form.Field("", "Last name").FillAsync("Smith");
        await form.Field("", "Age").FillAsync("41");
        await form.Field("", "Nationality").FillAsync("British");
        await form.Field("", "Nationality").PressAsync("Tab");

        // A nationality that is not Thai offers the passport by default.
        await Expect(page.GetByLabel("Passport (for foreigners)")).ToBeCheckedAsync();
        await Expect(form.Field("", "National ID number")).ToBeHiddenAsync();
        await form.Field("", "Passport number").FillAsync("xk 765 4321");
        await form.Field("", "Issuing country").SelectOptionAsync("GBR");
        await Expect(form.Field("", "Issuing country").Locator("option:checked")).ToHaveTextAsync("United Kingdom");
        await form.Field("", "Current address").FillAsync("Room 5, Hotel Wiang Lakor, Lampang");
        await form.Field("", "Phone number").FillAsync("081-234-5678");
        await form.FillRequestAsync();
        await form.AttachAsync();
        await form.AcceptPrivacyAsync();
        await form.SignAsync();
        await form.SubmitAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Your request has been sent" })).ToBeVisibleAsync();
        var reference = (await page.Locator("#done-reference").TextContentAsync())!;
        await using (var db = Factory.NewDbContext())
        {
            var stored = await db.FootageRequests.SingleAsync();
            Assert.Equal(IdentityDocumentKind.Passport, stored.Applicant.Identity.Kind);
            Assert.Equal("XK7654321", stored.Applicant.Identity.Number);
            Assert.Equal("GBR", stored.Applicant.Identity.Country);
        }

        var lookup = await LookupAsync(page, "Check a request");
        await page.GetByLabel("Search by").SelectOptionAsync(new SelectOptionValue { Label = "Passport" });
        await lookup.FillAsync("XK7654321");
        await page.GetByLabel("Passport country").SelectOptionAsync("GBR");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search", Exact = true }).ClickAsync();

        await Expect(page.Locator("#lookup-results")).ToContainTextAsync(reference);
        await Expect(page.Locator("#lookup-results")).ToContainTextAsync("Pending approval");
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ThePassportFields_AreCheckedOnThePage_WithTheServersMessages()
    {
        var page = await OpenAsync("/", Desktop, language: "en");
        await page.GetByLabel("Passport (for foreigners)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send request", Exact = true }).ClickAsync();

        await Expect(page.Locator("#passportNumber-error")).ToHaveTextAsync("Please enter the passport number.");
        await Expect(page.Locator("#passportCountry-error")).ToHaveTextAsync("Please choose the country that issued the passport.");
        await Expect(page.Locator("#nationalId-error")).ToBeHiddenAsync();
    }
}
