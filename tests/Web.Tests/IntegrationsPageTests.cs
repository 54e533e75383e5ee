using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>
/// API clients in the browser (issue 21, /staff/integrations): an administrator adds one, sees its secret once,
/// the secret gets a token at /connect/token, a new secret keeps the old one working for the overlap, and once
/// revoked the token is refused.
/// </summary>
public class IntegrationsPageTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    [Fact]
    public async Task AnAdmin_CreatesAClient_SeesTheSecretOnce_ItGetsAToken_AndOnceRevokedTheTokenIsRefused()
    {
        var admin = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Admin);
        var page = await OpenAsync("/staff/", Desktop);
        await StaffPages.SignInAsync(page, admin);
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "ระบบที่เชื่อมต่อ (API)", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "ระบบที่เชื่อมต่อ (API)", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#clients-table")).ToBeVisibleAsync();
        Assert.Empty(await AllViolationsAsync(page));

        // Nothing typed: the server's 400 stands beside each field.
        var create = StaffPages.Button(page, "สร้างระบบที่เชื่อมต่อ");
        await create.ClickAsync();
        var name = page.GetByLabel("ชื่อระบบ", new PageGetByLabelOptions { Exact = true });
        await Expect(name).ToHaveAccessibleDescriptionAsync(new Regex("กรุณากรอกชื่อระบบที่เชื่อมต่อ"));
        await Expect(page.Locator("#new-client-scopes-error")).ToHaveTextAsync("กรุณาเลือกสิทธิ์ (scope) อย่างน้อยหนึ่งรายการ");
        Assert.Empty(await AllViolationsAsync(page));

        // The name's limit is the server's.
        await Expect(name).ToHaveAttributeAsync("maxlength", "200");
        await name.FillAsync("ระบบข้อมูลจังหวัดลำปาง");
        await page.GetByLabel("ผู้รับผิดชอบและช่องทางติดต่อ", new PageGetByLabelOptions { Exact = true }).FillAsync("it-team@province.example");
        await page.GetByLabel("ใช้ได้ถึงวันที่", new PageGetByLabelOptions { Exact = true }).FillAsync(BuddhistDate(TestClock.Today.AddMonths(6)));
        await page.GetByLabel("events.read").CheckAsync();
        await page.GetByLabel("requests.read").CheckAsync();
        await create.ClickAsync();

        var box = page.Locator("#secret-box");
        await Expect(box).ToContainTextAsync("ระบบจะไม่แสดงรหัสนี้อีก");
        await Expect(box).ToBeFocusedAsync();
        var clientId = (await page.Locator("#client-id").TextContentAsync())!.Trim();
        var secret = (await page.Locator("#client-secret").TextContentAsync())!.Trim();
        Assert.StartsWith("cctv-", clientId, StringComparison.Ordinal);
        var row = page.Locator($"tr[data-client-id='{clientId}']");
        await Expect(row).ToContainTextAsync("it-team@province.example");
        await Expect(row).ToContainTextAsync("ยังไม่เคยใช้");
        Assert.Empty(await AllViolationsAsync(page));
        await ScreenshotAsync(page, "staff-integrations-1280.png");

        using var http = new HttpClient { BaseAddress = new Uri(Factory.BaseUrl) };
        var token = await TokenAsync(http, clientId, secret);
        Assert.Equal(HttpStatusCode.OK, (await EventsAsync(http, token)).StatusCode);

        // Shown once: after a reload the secret is nowhere on the page, and the last use is.
        await page.ReloadAsync();
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).Not.ToContainTextAsync("ยังไม่เคยใช้");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        // A new secret: shown once, the old one still works through the overlap.
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "สร้างรหัสลับใหม่ ระบบข้อมูลจังหวัดลำปาง" }).ClickAsync();
        var rotate = page.GetByRole(AriaRole.Dialog);
        await Expect(rotate.GetByLabel("ช่วงเวลาที่รหัสเดิมยังใช้ได้ (ชั่วโมง)")).ToHaveValueAsync("24");
        await rotate.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "ยืนยันสร้างรหัสลับใหม่" }).ClickAsync();
        await Expect(box).ToContainTextAsync("รหัสลับเดิมยังใช้ได้จนถึง");
        var newSecret = (await page.Locator("#client-secret").TextContentAsync())!.Trim();
        Assert.NotEqual(secret, newSecret);
        await TokenAsync(http, clientId, secret);
        await TokenAsync(http, clientId, newSecret);

        // Revoked, after a confirmation: the token it had is refused.
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "เพิกถอน ระบบข้อมูลจังหวัดลำปาง" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("ระบบนั้นจะใช้ API ไม่ได้ทันที");
        Assert.Empty(await AllViolationsAsync(page));
        await confirm.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "ยืนยันการเพิกถอน" }).ClickAsync();
        await Expect(row).ToContainTextAsync("เพิกถอนแล้ว");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, (await EventsAsync(http, token)).StatusCode);
        Assert.Empty(await AllViolationsAsync(page));
        AssertNoConsoleErrorsBut(400);
    }

    private static async Task<string> TokenAsync(HttpClient http, string clientId, string secret)
    {
        var answer = await http.PostAsync("/connect/token", new FormUrlEncodedContent(
            [new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret)]));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpResponseMessage> EventsAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/integrations/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }
}
