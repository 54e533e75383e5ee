using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>An organization that does not ask for a police report.</summary>
public sealed class PoliceReportOptionalWebFactory : WebFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Documents:PoliceReportRequired"] = "false",
    };
}

/// <summary>The page applies the server's rule: with the police report optional, a form without one is sent and accepted.</summary>
public class PoliceReportOptionalFormTests(PoliceReportOptionalWebFactory factory, BrowserFixture browser)
    : WebTest(factory, browser), IClassFixture<PoliceReportOptionalWebFactory>
{
    [Fact]
    public async Task WithoutAPoliceReport_TheFormIsSent_AndConfirmed()
    {
        var page = await OpenAsync("/", Phone);
        var form = new CitizenForm(page);
        var label = page.Locator("#policeReport-label");
        await Expect(label).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("optional"));
        await Expect(label).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("required"));

        await form.FillEverythingAsync(policeReport: false);
        await form.SubmitAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "ส่งคำร้องเรียบร้อยแล้ว" })).ToBeVisibleAsync();
        await using var db = Factory.NewDbContext();
        var stored = await db.FootageRequests.Include(r => r.Attachments).SingleAsync();
        Assert.DoesNotContain(stored.Attachments, a => a.Kind == Domain.Requests.AttachmentKind.PoliceReport);
        AssertNoConsoleErrors();
    }
}
