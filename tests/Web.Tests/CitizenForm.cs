using CctvRequests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>
/// Fills the form as a person does: each field found by its visible label, in Thai or English.
/// </summary>
public sealed class CitizenForm(IPage page, bool english = false)
{
    public static readonly DateOnly Today = SubmissionForm.TodayInBangkok;

    public string NationalId { get; set; } = NationalIds.New();
    public DateOnly IncidentDate { get; set; } = Today.AddDays(-2);

    /// <summary>What the confirmation must show of the identity document (the national ID unless set).</summary>
    public string? ConfirmShows { get; set; }

    private string L(string thai, string englishText) => english ? englishText : thai;

    /// <summary>The form's own fields (the header's lookup has a label of its own).</summary>
    public ILocator Field(string thai, string englishText) =>
        page.Locator("#request-form").GetByLabel(L(thai, englishText), new LocatorGetByLabelOptions { Exact = true });

    public string DateText(DateOnly date) => english
        ? $"{date.Day:00}/{date.Month:00}/{date.Year}"
        : $"{date.Day:00}/{date.Month:00}/{date.Year + 543}";

    public async Task FillApplicantAsync()
    {
        await Field("คำนำหน้าชื่อ", "Title").SelectOptionAsync(new SelectOptionValue { Label = L("นาย", "Mr") });
        await Field("ชื่อ", "First name").FillAsync(english ? "John" : "สมศักดิ์");
        await Field("นามสกุล", "Last name").FillAsync(english ? "Smith" : "ใจดี");
        await Field("เลขบัตรประชาชน", "National ID number").FillAsync(NationalId);
        await Field("อายุ", "Age").FillAsync("35");
        await Field("สัญชาติ", "Nationality").FillAsync(english ? "British" : "ไทย");
        await Field("ที่อยู่ปัจจุบัน", "Current address").FillAsync(Address ?? (english ? "12 Moo 3, Ko Kha, Lampang" : "99 หมู่ 1 ต.ศาลา อ.เกาะคา จ.ลำปาง"));
        await Field("หมายเลขโทรศัพท์", "Phone number").FillAsync("081-234-5678");
    }

    /// <summary>The applicant's address, when not the default one in Lampang.</summary>
    public string? Address { get; set; }

    /// <summary>The station picked under เหตุเกิดบริเวณ, by its name in the page's language.</summary>
    public string? Station { get; set; }

    public async Task FillRequestAsync()
    {
        await page.GetByLabel(L("ขอสำเนาข้อมูลภาพ", "Get a copy of the footage"), new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await Field("จำนวนไฟล์ที่ขอ", "Number of files").FillAsync("2");
        await Field("เหตุเกิดบริเวณ", "Location").SelectOptionAsync(new SelectOptionValue
        {
            Label = Station ?? L("สวนสาธารณะหนองกระทิง อ.เมือง จ.ลำปาง", "Nong Krating Public Park, Mueang Lampang, Lampang"),
        });
        var incident = Field("วันที่เกิดเหตุ", "Date of the incident");
        await incident.FillAsync(DateText(IncidentDate));
        await incident.PressAsync("Tab");
        await Field("เวลา (โดยประมาณ)", "Approximate time").FillAsync("14:30");
        await Field("เหตุผล/ความจำเป็น", "Why do you need the footage?").FillAsync(english ? "I lost my wallet near the park and want to find it." : "ต้องการขอข้อมูลภาพเหตุการณ์เพื่อค้นหากระเป๋าสตางค์ที่สูญหาย");
    }

    public async Task AttachAsync(bool policeReport = true)
    {
        await Field("สำเนาบัตรประชาชน", "Copy of your ID card").SetInputFilesAsync(new FilePayload
        {
            Name = "id-card.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf("ID card"),
        });
        await Expect(page.GetByText("id-card.pdf")).ToBeVisibleAsync();
        if (policeReport)
        {
            await Field("สำเนาบันทึกแจ้งความ", "Copy of the police report").SetInputFilesAsync(new FilePayload
            {
                Name = "police-report.jpg", MimeType = "image/jpeg", Buffer = SampleFiles.Jpeg(),
            });
            await Expect(page.GetByText("police-report.jpg")).ToBeVisibleAsync();
        }
    }

    public async Task AcceptPrivacyAsync()
    {
        await Expect(page.Locator("#privacy-text")).ToContainTextAsync(L("ไม่เกิน 3 ปี", "3 years"));
        var tick = page.GetByLabel(L("ข้าพเจ้าได้อ่านและยอมรับ", "I have read and accept"));
        await Expect(tick).Not.ToBeCheckedAsync();
        await tick.CheckAsync();
    }

    /// <summary>Draws a wavy line across the signature box with the mouse.</summary>
    public Task SignAsync() =>
        DrawAsync(page, page.GetByLabel(L("ลายมือชื่อผู้ยื่นคำร้อง", "Signature of the applicant"), new PageGetByLabelOptions { Exact = true }));

    /// <summary>Draws a wavy line across a signature canvas with the mouse, as a finger or a pen would.</summary>
    public static async Task DrawAsync(IPage page, ILocator canvas)
    {
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = (await canvas.BoundingBoxAsync())!;
        var y = box.Y + (box.Height / 2);
        await page.Mouse.MoveAsync(box.X + 20, y);
        await page.Mouse.DownAsync();
        for (var i = 1; i <= 24; i++)
        {
            await page.Mouse.MoveAsync(box.X + 20 + (i * ((box.Width - 40) / 24)), y + (float)(Math.Sin(i / 2.0) * 30), new MouseMoveOptions { Steps = 2 });
        }
        await page.Mouse.UpAsync();
    }

    public async Task FillEverythingAsync(bool policeReport = true)
    {
        await FillApplicantAsync();
        await FillRequestAsync();
        await AttachAsync(policeReport);
        await AcceptPrivacyAsync();
        await SignAsync();
    }

    /// <summary>Presses ส่งคำร้อง, reads the reminder, confirms.</summary>
    public async Task SubmitAsync()
    {
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = L("ส่งคำร้อง", "Send request"), Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync(ConfirmShows ?? NationalId);
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = L("ยืนยันส่งคำร้อง", "Confirm and send") }).ClickAsync();
    }
}
