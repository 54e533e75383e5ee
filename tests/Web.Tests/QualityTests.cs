using System.Text.Json;
using System.Text.RegularExpressions;
using CctvRequests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>Accessibility (axe-core: no finding of any impact), weight, hosts, keyboard use and the BE calendar.</summary>
public class QualityTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    [Theory]
    [InlineData(null)]
    [InlineData("en")]
    public async Task Axe_FindsNothing_OnTheFormTheConfirmationTheStatusPageAndTheLookup(string? language)
    {
        var page = await OpenAsync("/", Desktop, language, bypassCsp: true);
        await Expect(page.Locator("#stationId option")).ToHaveCountAsync(7);
        Assert.Empty(await ViolationsAsync(page));

        // With errors showing.
        await page.Locator("#submit-button").ClickAsync();
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        Assert.Empty(await ViolationsAsync(page));

        // With the calendar open.
        await page.Locator("[data-date-for='incidentDate'] .date-field__open").ClickAsync();
        await Expect(page.Locator(".calendar")).ToBeVisibleAsync();
        Assert.Empty(await ViolationsAsync(page));
        await page.Keyboard.PressAsync("Escape");

        // Signing by typing the name.
        await page.Locator("#signatureTyped").CheckAsync();
        await Expect(page.Locator("#typedName")).ToBeVisibleAsync();
        Assert.Empty(await ViolationsAsync(page));

        var form = new CitizenForm(page, english: language == "en");
        await page.ReloadAsync();
        await form.FillEverythingAsync();
        await form.SubmitAsync();
        await Expect(page.Locator("#done-reference")).ToHaveTextAsync(new Regex("^CCTV-"));
        Assert.Empty(await ViolationsAsync(page));

        var statusUrl = (await page.Locator("#done-status-link").GetAttributeAsync("href"))!;
        await page.GotoAsync(statusUrl);
        await Expect(page.Locator("#sp-reference")).ToHaveTextAsync(new Regex("^CCTV-"));
        Assert.Empty(await ViolationsAsync(page));

        await page.Locator("#lookup-id").FillAsync(form.NationalId);
        await page.Locator("#lookup-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#lookup-results")).ToBeVisibleAsync();
        Assert.Empty(await ViolationsAsync(page));

        await page.GotoAsync(Factory.BaseUrl + "/privacy");
        await Expect(page.Locator("#pv-text")).ToBeVisibleAsync();
        Assert.Empty(await ViolationsAsync(page));

        // On a phone, with the lookup opened from its button.
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.Locator("#lookup-toggle").ClickAsync();
        await Expect(page.Locator("#lookup-id")).ToBeVisibleAsync();
        Assert.Empty(await ViolationsAsync(page));
    }

    [Fact]
    public async Task FormPage_LoadsAtMost300KilobytesInAll_AndNothingFromAnotherHost()
    {
        var context = await browserContextAsync();
        var page = await context.NewPageAsync();
        var responses = new List<IResponse>();
        var hosts = new HashSet<string>();
        page.Request += (_, request) => hosts.Add(new Uri(request.Url).GetLeftPart(UriPartial.Authority));
        page.Response += (_, response) => responses.Add(response);

        await page.GotoAsync(Factory.BaseUrl + "/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        long total = 0;
        foreach (var response in responses.ToList())
        {
            total += (await response.BodyAsync()).Length;
        }
        Assert.Equal([Factory.BaseUrl], hosts.Where(h => h.StartsWith("http", StringComparison.Ordinal)));
        Assert.True(total <= 300 * 1024, $"the form page loaded {total} bytes");
        Assert.Contains(responses, r => r.Url.Contains("sarabun", StringComparison.Ordinal) && r.Url.EndsWith(".woff2", StringComparison.Ordinal));
        Console.WriteLine($"form page weight: {total} bytes in {responses.Count} responses");
    }

    private async Task<IBrowserContext> browserContextAsync()
    {
        var page = await OpenAsync("/favicon.svg", Phone);
        return page.Context;
    }

    [Fact]
    public async Task EveryFieldOfTheForm_IsFoundByItsVisibleThaiLabel_Unambiguously()
    {
        var page = await OpenAsync("/", Phone);
        string[] labels =
        [
            "วันที่เขียน", "คำนำหน้าชื่อ", "นามสกุล", "เลขบัตรประชาชน", "อายุ", "เชื้อชาติ", "สัญชาติ", "ที่อยู่ปัจจุบัน",
            "หมายเลขโทรศัพท์", "ขอดูข้อมูลภาพ", "ขอสำเนาข้อมูลภาพ", "จำนวนไฟล์ที่ขอ", "เหตุเกิดบริเวณ", "วันที่เกิดเหตุ",
            "เวลา (โดยประมาณ)", "เหตุผล/ความจำเป็น", "สำเนาบัตรประชาชน", "สำเนาบันทึกแจ้งความ", "เอกสารอื่น ๆ",
            "ข้าพเจ้าได้อ่านและยอมรับนโยบายความเป็นส่วนตัว", "ลายมือชื่อผู้ยื่นคำร้อง", "ลงลายมือชื่อในกรอบ", "ลงชื่อโดยพิมพ์ชื่อ", "พิมพ์ชื่อ-สกุลของท่าน", "สีดำ", "สีน้ำเงิน", "ตรวจสอบผล",
            "บัตรประชาชนไทย (เลข 13 หลัก)", "หนังสือเดินทาง (สำหรับชาวต่างชาติ)", "เลขหนังสือเดินทาง", "ประเทศที่ออกหนังสือเดินทาง",
            "ค้นหาด้วย", "ประเทศของหนังสือเดินทาง",
        ];
        foreach (var label in labels)
        {
            Assert.True(await page.GetByLabel(label).CountAsync() == 1, $"'{label}' should name exactly one control");
        }
        // "ชื่อ" is part of other labels (คำนำหน้าชื่อ, ลายมือชื่อ...), so it is found exactly.
        await Expect(page.GetByLabel("ชื่อ", new PageGetByLabelOptions { Exact = true })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "ส่งคำร้อง", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "ล้างลายมือชื่อ" })).ToBeVisibleAsync();
        await Expect(page.GetByText("เลือกสีปากกา:")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Pages_SendAStrictContentSecurityPolicy_AndBreakNoRuleOfIt()
    {
        var page = await OpenAsync("/", Phone);
        var response = await page.ReloadAsync();
        var csp = await response!.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        await Expect(page.Locator("#stationId option")).ToHaveCountAsync(7);
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Keyboard_ReachesTheFieldsInOrder_WithAVisibleFocus()
    {
        var page = await OpenAsync("/", Desktop);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByText("ข้ามไปยังเนื้อหา")).ToBeFocusedAsync();
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);

        await page.Locator("#writtenOn").FocusAsync();
        var order = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.className"));
        }
        Assert.Equal(["date-field__open", "title", "firstName", "lastName", "age", "ethnicity", "nationality", "identityNationalId", "nationalId"], order);
        var focusOutline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", focusOutline);
    }

    [Fact]
    public async Task Calendar_ShowsThaiMonthsBuddhistYearsAndWeekdayHeads_AndWorksByKeyboard()
    {
        var page = await OpenAsync("/", Phone);
        var open = page.Locator("[data-date-for='incidentDate']").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "ปฏิทิน" });
        await open.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var calendar = page.GetByRole(AriaRole.Dialog, new PageGetByRoleOptions { NameRegex = new Regex("^ปฏิทิน") });
        await Expect(calendar).ToBeVisibleAsync();
        var months = new[] { "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม" };
        var today = CitizenForm.Today;
        await Expect(calendar.Locator(".calendar__title")).ToHaveTextAsync($"{months[today.Month - 1]} {today.Year + 543}");
        Assert.Equal(["อา.", "จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส."], await calendar.Locator("th").AllTextContentsAsync());

        // Today has focus; tomorrow is in the future and cannot be chosen.
        await Expect(page.Locator($"button[data-iso='{today:yyyy-MM-dd}']")).ToBeFocusedAsync();
        var tomorrow = page.Locator($"button[data-iso='{today.AddDays(1):yyyy-MM-dd}']");
        if (await tomorrow.CountAsync() > 0)
        {
            await Expect(tomorrow).ToBeDisabledAsync();
        }

        // A week back, then choose it with Enter.
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("Enter");
        await Expect(calendar).Not.ToBeVisibleAsync();
        await Expect(page.Locator("#incidentDate")).ToHaveValueAsync(BuddhistDate(today.AddDays(-7)));
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task OverwriteClock_WarnsPlainly_WhenTheFootageIsGoneOrNearlyGone()
    {
        var page = await OpenAsync("/", Phone);
        var form = new CitizenForm(page);
        await form.Field("เหตุเกิดบริเวณ", "").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var incident = form.Field("วันที่เกิดเหตุ", "");

        await incident.FillAsync(BuddhistDate(CitizenForm.Today.AddDays(-40)));
        await incident.PressAsync("Tab");
        await Expect(page.Locator("#overwrite-clock")).ToContainTextAsync("อาจถูกบันทึกทับไปแล้ว");

        await incident.FillAsync(BuddhistDate(CitizenForm.Today.AddDays(-28)));
        await incident.PressAsync("Tab");
        await Expect(page.Locator("#overwrite-clock")).ToContainTextAsync("เหลือเวลาอีก 2 วัน");

        await incident.FillAsync(BuddhistDate(CitizenForm.Today.AddDays(-1)));
        await incident.PressAsync("Tab");
        await Expect(page.Locator("#overwrite-clock")).Not.ToContainTextAsync("เหลือเวลา");
        await Expect(page.Locator("#overwrite-clock")).ToContainTextAsync(BuddhistYearText(CitizenForm.Today.AddDays(29)));
    }

    private static string BuddhistYearText(DateOnly date) => (date.Year + 543).ToString();

    [Fact]
    public async Task Files_AreCheckedBeforeUpload_ListedWithThumbnails_AndRemovable()
    {
        var page = await OpenAsync("/", Phone);
        var form = new CitizenForm(page);
        var others = form.Field("เอกสารอื่น ๆ (ถ้ามี)", "");
        await others.SetInputFilesAsync(
        [
            new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = SampleFiles.Signature() },
            new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = SampleFiles.Text() },
            new FilePayload { Name = "big.pdf", MimeType = "application/pdf", Buffer = SampleFiles.PdfOfSize(11L * 1024 * 1024) },
        ]);

        await Expect(page.Locator("#otherDocuments-list li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#otherDocuments-list img")).ToHaveCountAsync(1);
        await Expect(page.Locator("#otherDocuments-error")).ToContainTextAsync("notes.txt");
        await Expect(page.Locator("#otherDocuments-error")).ToContainTextAsync("big.pdf");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "ลบไฟล์ photo.png" }).ClickAsync();
        await Expect(page.Locator("#otherDocuments-list li")).ToHaveCountAsync(0);
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Signature_CanBeClearedAndRedrawn_InEitherPenColour()
    {
        var page = await OpenAsync("/", Desktop);
        var form = new CitizenForm(page);
        await page.GetByLabel("สีน้ำเงิน").CheckAsync();
        await form.SignAsync();
        var blueInk = await page.EvaluateAsync<bool>("""
            () => { const c = document.getElementById('signature'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 200 && d[i + 2] > d[i] + 40) return true; return false; }
            """);
        Assert.True(blueInk);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "ล้างลายมือชื่อ" }).ClickAsync();
        var empty = await page.EvaluateAsync<bool>("""
            () => { const c = document.getElementById('signature'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return false; return true; }
            """);
        Assert.True(empty);
    }
}
