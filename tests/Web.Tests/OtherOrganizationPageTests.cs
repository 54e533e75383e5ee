using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>The same build for another local government: only Organization:SeedFile differs.</summary>
public sealed class OtherOrganizationWebFactory : WebFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => OtherOrganizationSeed.Settings;
}

[CollectionDefinition(Name)]
public sealed class OtherOrganizationCollection : ICollectionFixture<OtherOrganizationWebFactory>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "other-organization";
}

/// <summary>SPEC §8.9: nothing about Lampang is in code. Chiang Rai's data, Chiang Rai's pages and paper.</summary>
[Collection(OtherOrganizationCollection.Name)]
public class OtherOrganizationPageTests(OtherOrganizationWebFactory factory, BrowserFixture browser) : BrowserTest(factory, browser)
{
    [Fact]
    public async Task TheCitizenPages_AndThePrintedForm_ShowTheOrganizationOfTheSeedFile()
    {
        var page = await OpenAsync("/", Phone);
        await Expect(page.Locator(".brand__org")).ToHaveTextAsync(OtherOrganizationSeed.Name);
        await Expect(page.Locator("#privacy-text")).ToContainTextAsync("เทศบาลนครเชียงราย ขอแจ้งให้ท่านทราบว่า");
        var stations = await page.Locator("#stationId option:not([value=''])").AllTextContentsAsync();
        Assert.Equal(["หอนาฬิกาเชียงราย", "สถานีขนส่งผู้โดยสาร แห่งที่ 1"], stations);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("ลำปาง");

        var form = new CitizenForm(page) { Station = "หอนาฬิกาเชียงราย", Address = "1 ถ.ธนาลัย ต.เวียง อ.เมือง จ.เชียงราย 57000" };
        await form.FillEverythingAsync();
        await form.SubmitAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "ส่งคำร้องเรียบร้อยแล้ว" })).ToBeVisibleAsync();
        await Expect(page.Locator("body")).ToContainTextAsync(OtherOrganizationSeed.Name);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("ลำปาง");
        await ScreenshotAsync(page, "other-organization-confirmation-360.png");
        var reference = (await page.Locator("#done-reference").TextContentAsync())!;

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "เปิดหน้าสถานะคำร้อง" }).ClickAsync();
        await Expect(page.Locator("#sp-status")).ToHaveTextAsync("รออนุมัติ");
        await Expect(page.Locator(".brand__org")).ToHaveTextAsync(OtherOrganizationSeed.Name);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("ลำปาง");

        // The paper the municipality's officers sign.
        await StaffPages.DecideAsync(Factory, reference, approve: true);
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        var staff = await OpenAsync("/staff/", Desktop);
        await StaffPages.SignInAsync(staff, officer);
        await staff.GotoAsync($"{Factory.BaseUrl}/staff/requests/{reference}/print");
        await Expect(StaffPages.Button(staff, "พิมพ์")).ToBeEnabledAsync();
        await staff.WaitForFunctionAsync("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
        var text = await Poppler.TextAsync(await staff.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true }));
        foreach (var expected in new[] { "คำร้องขอข้อมูลภาพกล้องวงจรปิดเทศบาลนครเชียงราย", "หัวหน้าศูนย์ควบคุมกล้อง", "ปลัดเทศบาลนครเชียงราย", "นายกเทศมนตรีนครเชียงราย", "หอนาฬิกาเชียงราย" })
        {
            Assert.Contains(expected, text);
        }
        Assert.DoesNotContain("ลำปาง", text);
        AssertNoConsoleErrors();
    }
}
