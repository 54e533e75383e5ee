using System.Text.Json;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>
/// Every staff text field takes its length from the server (GET /api/staff/form-settings), and that
/// length is the server's own: with its maxlength taken away, max + 1 characters typed into each field
/// bring back the server's message beside it.
/// </summary>
public class StaffLimitsTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    private JsonElement _settings;

    private async Task<IPage> SignedInAdminAsync()
    {
        var admin = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Admin);
        var page = await OpenAsync("/staff/", Desktop);
        await StaffPages.SignInAsync(page, admin);
        var answer = await page.Context.APIRequest.GetAsync(Factory.BaseUrl + "/api/staff/form-settings");
        _settings = JsonDocument.Parse(await answer.TextAsync()).RootElement;
        return page;
    }

    /// <summary>The length the server gives a field: by its data-limit, or the organization's or a correctable field's own.</summary>
    private int ServerMax(string id, string? limit, IPage page)
    {
        if (limit is not null)
        {
            return _settings.GetProperty("lengths").GetProperty(limit).GetProperty("max").GetInt32();
        }
        if (id.StartsWith("org-", StringComparison.Ordinal))
        {
            return _settings.GetProperty("organizationFields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == id[4..]).GetProperty("max").GetInt32();
        }
        Assert.Equal("cr-value", id);
        var chosen = page.Locator("#cr-field").InputValueAsync().GetAwaiter().GetResult();
        return _settings.GetProperty("correctableFields").EnumerateArray().Single(f => f.GetProperty("code").GetString() == chosen).GetProperty("max").GetInt32();
    }

    /// <summary>Types max + 1 characters into every field of scope that has a maxlength, submits, and expects the server's message beside each.</summary>
    private async Task TooLongAsync(IPage page, ILocator scope, Func<Task> submit, Func<Task>? before = null)
    {
        await Expect(scope.Locator("input[maxlength], textarea[maxlength]").First).ToBeAttachedAsync();
        var fields = (await scope.Locator("input[maxlength], textarea[maxlength]").ElementHandlesAsync()).ToList();
        Assert.NotEmpty(fields);
        var ids = new List<string>();
        foreach (var field in fields)
        {
            var id = (await field.GetAttributeAsync("id"))!;
            var max = int.Parse((await field.GetAttributeAsync("maxlength"))!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(ServerMax(id, await field.GetAttributeAsync("data-limit"), page) == max, $"{id}: maxlength {max} is not the server's");
            var value = await field.GetAttributeAsync("type") == "email" ? new string('a', max + 1 - 12) + "@example.com" : new string('ก', max + 1);
            await field.EvaluateAsync("el => el.removeAttribute('maxlength')");
            await field.FillAsync(value);
            ids.Add(id);
        }
        if (before is not null)
        {
            await before();
        }
        var response = await page.RunAndWaitForResponseAsync(submit, r => r.Url.Contains("/api/", StringComparison.Ordinal) && r.Request.Method != "OPTIONS" && r.Status >= 400)
            .WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : throw new InvalidOperationException($"No refusal after {string.Join(", ", ids)}: {string.Join(" | ", ConsoleErrors)}", t.Exception), TaskScheduler.Default);
        Assert.True(response.Status == 400, $"{string.Join(", ", ids)}: {response.Status} {await response.TextAsync()}");
        var messages = JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("errors").EnumerateObject()
            .Select(p => string.Join(" ", p.Value.EnumerateArray().Select(m => m.GetString()))).ToList();
        foreach (var id in ids)
        {
            var error = page.Locator($"#{id}-error");
            await Expect(error).ToBeVisibleAsync();
            var text = (await error.InnerTextAsync()).Trim();
            Assert.True(messages.Contains(text), $"{id}: \"{text}\" is not the server's message ({string.Join(" | ", messages)})");
        }
    }

    private static ILocator Form(IPage page, string id) => page.Locator($"#{id}");

    [Fact]
    public async Task TheQueue_ARequest_ItsCancellation_AndAHandOver_TakeTheServersLengths()
    {
        var (pending, _) = await StaffPages.FileAsync(Factory.BaseUrl, new SubmissionForm());
        var (approved, _) = await StaffPages.FileAsync(Factory.BaseUrl, new SubmissionForm());
        await StaffPages.DecideAsync(Factory, approved);
        var page = await SignedInAdminAsync();

        await TooLongAsync(page, Form(page, "queue-form"), () => StaffPages.Button(page, "ค้นหา").ClickAsync());

        await page.GotoAsync($"{Factory.BaseUrl}/staff/requests/{pending}");
        foreach (var (label, button) in new[] { ("บันทึกภายใน", "เพิ่มบันทึก"), ("รายละเอียดการเก็บรักษาภาพ", "บันทึกการเก็บรักษาภาพ") })
        {
            var form = page.Locator("form").Filter(new LocatorFilterOptions { Has = page.GetByLabel(label, new PageGetByLabelOptions { Exact = true }) });
            await TooLongAsync(page, form, () => StaffPages.Button(page, button).ClickAsync());
        }
        await StaffPages.Button(page, "ยกเลิกคำร้อง").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("เหตุผลที่ยกเลิก").SelectOptionAsync(new SelectOptionValue { Label = "เอกสารแนบไม่ถูกต้อง" });
        await TooLongAsync(page, dialog, () => StaffPages.Button(page, "ยืนยันการยกเลิก").ClickAsync());

        await page.GotoAsync($"{Factory.BaseUrl}/staff/requests/{approved}");
        await page.GetByLabel("ไฟล์ภาพที่ส่งมอบ").SetInputFilesAsync(new FilePayload { Name = "clip.mp4", MimeType = "video/mp4", Buffer = [1, 2, 3] });
        await Expect(page.Locator("#hash-status")).ToHaveTextAsync("คำนวณ SHA-256 ครบ 1 ไฟล์แล้ว");
        await CitizenForm.DrawAsync(page, page.GetByLabel("ลายมือชื่อผู้รับ"));
        await TooLongAsync(page, Form(page, "handover-form"), () => StaffPages.Button(page, "บันทึกการส่งมอบ").ClickAsync());
        AssertNoConsoleErrorsBut(400, 401);
    }

    [Fact]
    public async Task TheSettings_Users_AndAuditPages_TakeTheServersLengths()
    {
        var page = await SignedInAdminAsync();
        await page.GotoAsync($"{Factory.BaseUrl}/staff/settings");
        await Expect(page.Locator("#station-table tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#org-nameTh")).Not.ToHaveValueAsync("");
        await TooLongAsync(page, Form(page, "station-form"), () => StaffPages.Button(page, "เพิ่มสถานที่").ClickAsync());
        await TooLongAsync(page, Form(page, "org-form"), () => StaffPages.Button(page, "บันทึกข้อมูลหน่วยงาน").ClickAsync());
        await TooLongAsync(page, Form(page, "privacy-form"), () => StaffPages.Button(page, "เผยแพร่ฉบับใหม่").ClickAsync());
        await TooLongAsync(page, Form(page, "reason-form"), () => StaffPages.Button(page, "เพิ่มเหตุผล").ClickAsync());

        await page.GotoAsync($"{Factory.BaseUrl}/staff/users");
        await TooLongAsync(page, Form(page, "new-user-form"), () => StaffPages.Button(page, "สร้างผู้ใช้").ClickAsync());

        await page.GotoAsync($"{Factory.BaseUrl}/staff/audit");
        await TooLongAsync(page, Form(page, "audit-form"), () => StaffPages.Button(page, "ค้นหา").ClickAsync());
        AssertNoConsoleErrorsBut(400, 401);
    }

    [Fact]
    public async Task TheSubjectsAndAccountPages_TakeTheServersLengths()
    {
        var form = new SubmissionForm();
        await StaffPages.FileAsync(Factory.BaseUrl, form);
        var page = await SignedInAdminAsync();
        await page.GotoAsync($"{Factory.BaseUrl}/staff/subjects");

        await page.GetByLabel("หนังสือเดินทาง", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await page.GetByLabel("ประเทศที่ออกหนังสือเดินทาง").SelectOptionAsync("FRA");
        await TooLongAsync(page, Form(page, "search-form"), () => StaffPages.Button(page, "ค้นหา").ClickAsync());

        await page.GetByLabel("บัตรประชาชน", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await page.GetByLabel("เลขบัตรประชาชน").FillAsync(form.NationalId);
        await StaffPages.Button(page, "ค้นหา").ClickAsync();
        await Expect(page.Locator("#search-status")).ToHaveTextAsync("พบคำร้อง 1 รายการ");
        await TooLongAsync(page, Form(page, "rr-form"), () => StaffPages.Button(page, "บันทึกคำขอใช้สิทธิ").ClickAsync());

        await page.GetByLabel("ประเภทคำขอ").SelectOptionAsync(new SelectOptionValue { Label = "ขอแก้ไขข้อมูล" });
        await page.GetByLabel("บันทึก", new PageGetByLabelOptions { Exact = true }).FillAsync("ทางอีเมล");
        await StaffPages.Button(page, "บันทึกคำขอใช้สิทธิ").ClickAsync();
        await Expect(page.Locator("#rr-status")).ToContainTextAsync("ครบกำหนด");
        await page.Locator("#subject-rights").GetByRole(AriaRole.Button).First.ClickAsync();
        await TooLongAsync(page, page.GetByRole(AriaRole.Dialog), () => StaffPages.Button(page, "ยืนยันว่าทำเสร็จแล้ว").ClickAsync());
        await page.Keyboard.PressAsync("Escape");

        await page.Locator("#subject-requests").GetByRole(AriaRole.Button).First.ClickAsync();
        await page.GetByLabel("ข้อมูลที่แก้ไข").SelectOptionAsync("FirstName");
        await TooLongAsync(page, Form(page, "correct-form"), () => StaffPages.Button(page, "บันทึกการแก้ไข").ClickAsync());

        await StaffPages.Button(page, "ลบข้อมูลของบุคคลนี้ทั้งหมด").ClickAsync();
        await TooLongAsync(page, page.GetByRole(AriaRole.Alertdialog), () => StaffPages.Button(page, "ยืนยันการลบข้อมูลทั้งหมด").ClickAsync());
        await page.Keyboard.PressAsync("Escape");

        await page.GotoAsync($"{Factory.BaseUrl}/staff/account");
        await page.GetByLabel("รหัสผ่านปัจจุบัน").FillAsync(TestStaffAccounts.Password);
        await TooLongAsync(page, Form(page, "password-form"), () => StaffPages.Button(page, "เปลี่ยนรหัสผ่าน").ClickAsync(),
            async () => await page.GetByLabel("ยืนยันรหัสผ่านใหม่").FillAsync(await page.GetByLabel("รหัสผ่านใหม่", new PageGetByLabelOptions { Exact = true }).InputValueAsync()));
        AssertNoConsoleErrorsBut(400, 401);
    }
}
