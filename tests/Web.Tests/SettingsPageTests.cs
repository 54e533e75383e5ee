using System.Text.RegularExpressions;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>A server of its own: the settings tests change stations and notices, which resets keep.</summary>
public sealed class SettingsWebFactory : WebFactory;

[CollectionDefinition(Name)]
public sealed class SettingsCollection : ICollectionFixture<SettingsWebFactory>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "settings";
}

/// <summary>An administrator changes the organization's data; the citizen's form follows at once.</summary>
[Collection(SettingsCollection.Name)]
public class SettingsPageTests(SettingsWebFactory factory, BrowserFixture browser) : BrowserTest(factory, browser)
{
    private const string OldName = "สวนสาธารณะหนองกระทิง อ.เมือง จ.ลำปาง";
    private const string NewName = "สวนสาธารณะหนองกระทิง (ประตูทิศเหนือ) อ.เมือง จ.ลำปาง";

    [Fact]
    public async Task AnAdminRenamesAStation_AndPublishesANotice_ThenTheFormShowsThem_AndANewRequestRecordsTheNewVersion()
    {
        var admin = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Admin, name: "ผู้ดูแล ระบบ");
        var page = await OpenAsync("/staff/", Desktop);
        await StaffPages.SignInAsync(page, admin);
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "ตั้งค่า", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "ตั้งค่า", Exact = true })).ToBeVisibleAsync();

        // Rename a station.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { NameRegex = new Regex($"^แก้ไข {Regex.Escape(OldName)}") }).ClickAsync();
        var stationForm = page.Locator("#station-form");
        var name = stationForm.GetByLabel("ชื่อสถานที่ (ไทย)", new LocatorGetByLabelOptions { Exact = true });
        await Expect(name).ToHaveValueAsync(OldName);
        await name.FillAsync(NewName);
        await StaffPages.Button(page, "บันทึก").ClickAsync();
        await Expect(page.Locator("#station-status")).ToHaveTextAsync($"บันทึกสถานที่ {NewName} แล้ว");
        await Expect(page.Locator($"tr[data-station-id='3']")).ToContainTextAsync(NewName);

        // Publish a new privacy notice version (the old one stays readable).
        var privacy = page.Locator("#privacy-form");
        await privacy.GetByLabel("ฉบับ", new LocatorGetByLabelOptions { Exact = true }).FillAsync("2569-3");
        await privacy.GetByLabel("ข้อความ (ไทย)", new LocatorGetByLabelOptions { Exact = true }).FillAsync(
            "ฉบับปรับปรุงเดือนพฤศจิกายน: ข้อมูลจะถูกเก็บไว้เป็นระยะเวลาไม่เกิน 3 ปี นับจากวันที่คำร้องสิ้นสุดกระบวนการ");
        await privacy.GetByLabel("ข้อความ (อังกฤษ)", new LocatorGetByLabelOptions { Exact = true }).FillAsync(
            "Revised in November: the data is kept for no more than 3 years after the request is closed.");
        await StaffPages.Button(page, "เผยแพร่ฉบับใหม่").ClickAsync();
        await Expect(page.Locator("#pn-status")).ToHaveTextAsync("เผยแพร่ฉบับ 2569-3 แล้ว");
        await Expect(page.Locator("#privacy table")).ToContainTextAsync("2569-1");
        await ScreenshotAsync(page, "staff-settings-1280.png");
        Assert.Empty(await SeriousViolationsAsync(page));

        // The citizen's form, opened afterwards, shows the new name and the new text; the request records 2569-3.
        var citizen = await OpenAsync("/", Phone);
        await Expect(citizen.Locator("#privacy-text")).ToContainTextAsync("ฉบับปรับปรุงเดือนพฤศจิกายน");
        var form = new CitizenForm(citizen) { Station = NewName };
        await form.FillEverythingAsync();
        await form.SubmitAsync();
        await Expect(citizen.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "ส่งคำร้องเรียบร้อยแล้ว" })).ToBeVisibleAsync();

        await using var db = Factory.NewDbContext();
        var stored = await db.FootageRequests.SingleAsync();
        Assert.Equal("2569-3", stored.PrivacyConsent.NoticeVersion);
        Assert.Equal(3, stored.StationId);
        var actions = await db.AuditEntries.Select(e => e.Action).ToListAsync();
        Assert.Contains("UpdateStation", actions);
        Assert.Contains("PublishPrivacyNotice", actions);
        AssertNoConsoleErrorsBut(401);
    }
}
