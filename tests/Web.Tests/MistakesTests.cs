using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>Mistakes are shown beside their fields, announced, and nothing typed is lost.</summary>
public class MistakesTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    [Fact]
    public async Task SeveralMistakes_AreShownBesideEachField_AndEverythingTypedStays()
    {
        var page = await OpenAsync("/", Phone);
        var form = new CitizenForm(page);
        await form.FillApplicantAsync();
        await form.FillRequestAsync();
        // Mistakes: a wrong check digit, an incomplete phone, an impossible age, an empty first name,
        // an incident in the future; no documents, no tick, no signature.
        var badId = NationalIds.WithWrongCheckDigit(form.NationalId);
        await form.Field("เลขบัตรประชาชน", "").FillAsync(badId);
        await Expect(page.GetByText("เลขบัตรประชาชนไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง").First).ToBeVisibleAsync();
        await form.Field("หมายเลขโทรศัพท์", "").FillAsync("0123456789");
        await form.Field("อายุ", "").FillAsync("150");
        await form.Field("ชื่อ", "").FillAsync("");
        var future = form.Field("วันที่เกิดเหตุ", "");
        await future.FillAsync(BuddhistDate(CitizenForm.Today.AddDays(3)));
        await future.PressAsync("Tab");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "ส่งคำร้อง", Exact = true }).ClickAsync();

        var expected = new Dictionary<string, string>
        {
            ["nationalId"] = "เลขบัตรประชาชนไม่ถูกต้อง",
            ["phone"] = "กรุณากรอกหมายเลขโทรศัพท์ให้ครบ",
            ["age"] = "กรุณากรอกอายุระหว่าง 1 ถึง 120",
            ["firstName"] = "กรุณากรอกชื่อ",
            ["incidentDate"] = "วันที่เกิดเหตุเป็นวันในอนาคตไม่ได้ กรุณาตรวจสอบวันที่",
            ["idCardCopy"] = "กรุณาแนบสำเนาบัตรประชาชน",
            ["policeReport"] = "กรุณาแนบสำเนาบันทึกแจ้งความ",
            ["privacyAccepted"] = "กรุณาอ่านนโยบายความเป็นส่วนตัว แล้วคลิกเครื่องหมายถูกในช่องยอมรับ",
            ["signature"] = "กรุณาลงลายมือชื่อในกรอบ หรือเลือกลงชื่อโดยพิมพ์ชื่อ",
        };
        foreach (var (field, message) in expected)
        {
            var error = page.Locator($"#{field}-error");
            await Expect(error).ToBeVisibleAsync();
            await Expect(error).ToContainTextAsync(message);
            // Tied to its control, so a screen reader reads it with the field.
            var control = page.Locator($"[aria-describedby~='{field}-error']").First;
            await Expect(control).ToHaveCountAsync(1);
        }
        await Expect(page.Locator("#nationalId")).ToHaveAttributeAsync("aria-invalid", "true");
        var summary = page.Locator("#error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.Locator("li")).ToHaveCountAsync(expected.Count);
        Assert.False(await HasHorizontalScrollAsync(page));

        // Nothing typed was lost.
        await Expect(form.Field("เลขบัตรประชาชน", "")).ToHaveValueAsync(badId);
        await Expect(form.Field("หมายเลขโทรศัพท์", "")).ToHaveValueAsync("0123456789");
        await Expect(form.Field("นามสกุล", "")).ToHaveValueAsync("ใจดี");
        await Expect(form.Field("ที่อยู่ปัจจุบัน", "")).ToHaveValueAsync("99 หมู่ 1 ต.ศาลา อ.เกาะคา จ.ลำปาง");
        await Expect(form.Field("เหตุผล/ความจำเป็น", "")).ToHaveValueAsync("ต้องการขอข้อมูลภาพเหตุการณ์เพื่อค้นหากระเป๋าสตางค์ที่สูญหาย");
        await Expect(form.Field("จำนวนไฟล์ที่ขอ", "")).ToHaveValueAsync("2");
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task AFileTheServerRefuses_IsShownBesideItsField_AndTheFormIsKept()
    {
        var page = await OpenAsync("/", Desktop);
        var form = new CitizenForm(page);
        await form.FillEverythingAsync();
        // A text file named like a PDF passes the browser's check; the server reads its content.
        await form.Field("สำเนาบัตรประชาชน", "").SetInputFilesAsync(new FilePayload
        {
            Name = "id-card.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Text(),
        });

        await form.SubmitAsync();

        var error = page.Locator("#idCardCopy-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("PDF, JPEG หรือ PNG");
        // Says what to do, not only what is wrong.
        await Expect(error).ToContainTextAsync("กรุณาแนบไฟล์");
        await Expect(page.Locator("#form-view")).ToBeVisibleAsync();
        await Expect(form.Field("ชื่อ", "")).ToHaveValueAsync("สมศักดิ์");
        await Expect(page.GetByText("police-report.jpg")).ToBeVisibleAsync();
        await Factory.AssertNothingStoredAsync();

        // Replace the file and send again: the signature and everything else are still there.
        await form.Field("สำเนาบัตรประชาชน", "").SetInputFilesAsync(new FilePayload
        {
            Name = "id-card-2.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf(),
        });
        await form.SubmitAsync();
        await Expect(page.Locator("#done-reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^CCTV-"));
    }
}

public class LeavingTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    [Fact]
    public async Task LeavingAHalfFilledForm_AsksFirst()
    {
        var page = await OpenAsync("/", Desktop);
        var asked = new List<string>();
        page.Dialog += (_, dialog) => asked.Add(dialog.Type);
        await page.Locator("#request-form").GetByLabel("นามสกุล").FillAsync("ใจดี");

        await page.ReloadAsync();

        Assert.Contains("beforeunload", asked);
    }
}
