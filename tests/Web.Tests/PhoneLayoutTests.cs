using System.Text.Json;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>The citizen pages on a 360 px phone: the lookup gives the number room, the reference stays whole.</summary>
public class PhoneLayoutTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/privacy")]
    [InlineData("/status")]
    public async Task TheLookup_OpensFromItsButton_AndGivesTheNumberTheScreensWidth(string path)
    {
        var page = await OpenAsync(path, Phone);
        var field = page.GetByLabel("ตรวจสอบผล", new PageGetByLabelOptions { Exact = true });
        var button = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "ตรวจสอบผล", Exact = true });
        await Expect(field).ToBeHiddenAsync();
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");

        await button.ClickAsync();

        await Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(field).ToBeFocusedAsync();
        var box = (await field.BoundingBoxAsync())!;
        Assert.True(box.Width >= 300, $"the lookup field is {box.Width} px wide on a 360 px screen");
        // All 13 digits of a national ID are seen at once.
        await field.FillAsync(NationalIds.New());
        Assert.True(await field.EvaluateAsync<bool>("el => el.scrollWidth <= el.clientWidth"), "the typed number is cut off");
        Assert.False(await HasHorizontalScrollAsync(page));
        if (path == "/")
        {
            await ScreenshotAsync(page.Locator(".site-header"), "lookup-open-360.png");
        }

        // Escape folds it away again, back to its button.
        await page.Keyboard.PressAsync("Escape");
        await Expect(field).ToBeHiddenAsync();
        await Expect(button).ToBeFocusedAsync();
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task OnADesktop_TheLookupIsOpenWithoutAButton()
    {
        var page = await OpenAsync("/", Desktop);
        await Expect(page.GetByLabel("ตรวจสอบผล", new PageGetByLabelOptions { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "ตรวจสอบผล", Exact = true })).ToBeHiddenAsync();
    }

    [Theory]
    [InlineData("Copy", "แฟลชไดรฟ์")]
    [InlineData("View", "โทรนัดหมาย")]
    public async Task TheStatusPage_KeepsTheReferenceOnOneLine_AndSaysWhatToDoOnce_ForThePurpose(string purpose, string instructionsSay)
    {
        var form = new SubmissionForm().Set("purpose", purpose);
        if (purpose == "View")
        {
            form.Without("fileCount");
        }
        using var client = new HttpClient { BaseAddress = new Uri(Factory.BaseUrl) };
        var response = await client.PostAsync("/api/requests", form.ToContent());
        response.EnsureSuccessStatusCode();
        var statusUrl = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("statusUrl").GetString()!;
        await using (var db = Factory.NewDbContext())
        {
            var request = await db.FootageRequests.Include(r => r.History).SingleAsync();
            request.Receive(new Actor("officer.a", "officer.a"), Factory.Clock.GetUtcNow().AddMinutes(-5));
            request.Approve(new Actor("chief", "chief"), StaffRole.Approver, Factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var page = await OpenAsync(statusUrl[Factory.BaseUrl.Length..], Phone);

        var reference = page.Locator("#sp-reference");
        await Expect(reference).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^CCTV-"));
        var lines = await reference.EvaluateAsync<int>("""
            el => { const r = document.createRange(); r.selectNodeContents(el);
                    return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }
            """);
        Assert.Equal(1, lines);
        Assert.True(await reference.EvaluateAsync<bool>("el => el.getBoundingClientRect().right <= document.documentElement.clientWidth"), "the reference runs off the screen");
        Assert.False(await HasHorizontalScrollAsync(page));

        var organization = JsonDocument.Parse(await client.GetStringAsync("/api/form-settings")).RootElement.GetProperty("organization");
        var instructions = organization.GetProperty("approvedInstructions").GetProperty(purpose.ToLowerInvariant()).GetProperty("th").GetString()!;
        Assert.Contains(instructionsSay, instructions);
        await Expect(page.Locator("#sp-approved")).ToContainTextAsync(instructions);
        var body = await page.Locator("main").InnerTextAsync();
        Assert.Equal(1, CountOf(body, instructions));
        // Said once: no second line about the storage device (อุปกรณ์) beside the organization's own text.
        Assert.Equal(purpose == "Copy" ? 1 : 0, CountOf(body, "อุปกรณ์"));
        // Nothing else on the page tells the applicant to bring a medium for a viewing.
        if (purpose == "View")
        {
            Assert.DoesNotContain("แฟลชไดรฟ์", body);
            Assert.DoesNotContain("อุปกรณ์บันทึกข้อมูล", body);
        }
        await ScreenshotAsync(page, $"status-approved-{purpose.ToLowerInvariant()}-360.png");
        Assert.Empty(await ViolationsAsync(page));
        AssertNoConsoleErrors();
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
