using System.Text.RegularExpressions;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>Anyone may add a passkey and sign in with it (Chromium's virtual authenticator stands in for the device).</summary>
public class StaffPasskeyTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    [Fact]
    public async Task AnOfficerAddsAPasskey_SignsOut_AndSignsInWithIt()
    {
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        var page = await OpenAsync("/staff/", Desktop);
        // WebAuthn refuses IP addresses as relying parties: use the host name.
        var origin = Factory.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        await page.GotoAsync(origin + "/staff/");
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });

        await StaffPages.SignInAsync(page, officer);
        await page.GotoAsync(origin + "/staff/account");
        await StaffPages.Button(page, "เพิ่มพาสคีย์").ClickAsync();
        await Expect(page.Locator("#passkey-status")).ToContainTextAsync("เพิ่มพาสคีย์แล้ว");
        await StaffPages.Button(page, "ออกจากระบบ").ClickAsync();
        await page.WaitForURLAsync(new Regex("/staff/$"));

        await StaffPages.Button(page, "เข้าสู่ระบบด้วยพาสคีย์").ClickAsync();
        await page.WaitForURLAsync(new Regex("/staff/requests$"));
        await Expect(page.Locator("#user-name")).ToHaveTextAsync(officer.Name);

        await using var db = Factory.NewDbContext();
        var entries = await db.AuditEntries.Where(e => e.UserEmail == officer.Email).OrderBy(e => e.At).Select(e => new { e.Action, e.Details }).ToListAsync();
        Assert.Contains(entries, e => e.Action == "PasskeyAdded");
        Assert.Equal("hwk", entries.Last(e => e.Action == "SignIn").Details);
        AssertNoConsoleErrorsBut(401);
    }
}
