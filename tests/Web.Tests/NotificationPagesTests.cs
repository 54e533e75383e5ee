using System.Text.RegularExpressions;
using CctvRequests.Application.Notifications;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Common;
using CctvRequests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>An installation with both channels: e-mail to a real SMTP server (aiosmtpd), SMS to the gateway stand-in.</summary>
public sealed class NotificationsWebFactory : WebFactory
{
    public NotificationServers Servers { get; } = new();

    protected override NotificationServers Notifications => Servers;
}

/// <summary>
/// Citizens hear back (issue 19), in the browser: the form offers the SMS tick and the e-mail on a phone, in Thai
/// and English, explains a bad address beside its field in the server's words, and the e-mail arrives in the form's
/// language; an officer sees a request's messages; an administrator sends a given-up SMS again and sees it sent.
/// </summary>
public partial class NotificationPagesTests(NotificationsWebFactory factory, BrowserFixture browser)
    : WebTest(factory, browser), IClassFixture<NotificationsWebFactory>
{
    private NotificationServers Servers => factory.Servers;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Servers.ResetAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("en")]
    public async Task OnAPhone_TheTickAndTheEmailAreOffered_ABadAddressIsExplainedBesideIt_AndTheEmailArrivesInTheFormsLanguage(string? language)
    {
        var english = language == "en";
        string L(string thai, string en) => english ? en : thai;
        var page = await OpenAsync("/", Phone, language, bypassCsp: true);
        var form = new CitizenForm(page, english);
        var tick = form.Field("แจ้งผลทาง SMS ไปที่เบอร์นี้", "Send news of my request by SMS to this number");
        var email = form.Field("อีเมล (ถ้าต้องการรับแจ้งผลทางอีเมล)", "Email (if you would like news of your request by email)");
        await Expect(tick).ToBeVisibleAsync();
        await Expect(tick).Not.ToBeCheckedAsync();
        await Expect(email).ToBeVisibleAsync();
        await Expect(email).ToHaveAttributeAsync("maxlength", EmailAddress.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(await AllViolationsAsync(page));
        if (!english)
        {
            // The labels are the server's, in the language the page is switched to.
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "English", Exact = true }).ClickAsync();
            await Expect(new CitizenForm(page, english: true).Field("", "Send news of my request by SMS to this number")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "ภาษาไทย", Exact = true }).ClickAsync();
            await Expect(tick).ToBeVisibleAsync();
        }

        var address = english ? "visitor@example.com" : "somsak@example.com";
        await form.FillEverythingAsync();
        await tick.CheckAsync();
        await email.FillAsync(address);
        if (!english)
        {
            await page.Locator("[data-field='phone']").EvaluateAsync("box => box.scrollIntoView({ block: 'start' })");
            await ScreenshotAsync(page, "form-notifications-360.png", fullPage: false);
        }
        await email.FillAsync("somsak.example.com");

        // The page has no rule of its own for an address: the server refuses it, and its message stands beside the field.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = L("ส่งคำร้อง", "Send request"), Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync(L("แจ้งผลทาง", "News by"));
        await Expect(dialog).ToContainTextAsync("somsak.example.com");
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = L("ยืนยันส่งคำร้อง", "Confirm and send") }).ClickAsync();
        var refused = L(
            "กรุณากรอกอีเมลให้ถูกต้องเป็นตัวอักษรภาษาอังกฤษ เช่น somsak@example.com หรือเว้นว่างไว้",
            "Please enter a valid email address in Latin letters, e.g. somsak@example.com, or leave it empty.");
        await Expect(email).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(refused) + "$"));
        await Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#error-summary")).ToContainTextAsync(refused);
        Assert.Empty(await AllViolationsAsync(page));

        await email.FillAsync(address);
        await Expect(email).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await form.SubmitAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = L("ส่งคำร้องเรียบร้อยแล้ว", "Your request has been sent") })).ToBeVisibleAsync();
        var reference = (await page.Locator("#done-reference").TextContentAsync())!;
        var news = page.GetByText(L("เมื่อคำร้องมีความคืบหน้า ระบบจะแจ้งท่านทาง", "We will send you news of your request by"));
        await Expect(news).ToContainTextAsync(address);
        await Expect(news).ToContainTextAsync("081-234-5678");
        Assert.Empty(await AllViolationsAsync(page));

        var mail = Assert.Single(await Servers.Smtp.WaitForAsync(1));
        Assert.Equal(address, mail.To.Mailboxes.Single().Address);
        Assert.Equal(L($"คำร้อง {reference}: รออนุมัติ", $"Request {reference}: Pending approval"), mail.Subject);
        Assert.All(await NotificationServers.SettledAsync(Factory), m => Assert.Equal(MessageStatus.Sent, m.Status));
        var sms = Assert.Single(Servers.Sms.Received);
        Assert.Equal("66812345678", sms.To);
        Assert.StartsWith(mail.Subject, sms.Message);

        // The e-mail's link opens the request's status on the phone.
        await page.GotoAsync(StatusLink().Match(mail.TextBody ?? string.Empty).Value);
        await Expect(page.Locator("#sp-reference")).ToHaveTextAsync(reference);
        AssertNoConsoleErrorsBut(400);
    }

    [Fact]
    public async Task AnOfficer_SeesEachMessageOfARequest_SentAndMasked_AndTheOneADecisionWrites()
    {
        var (reference, _) = await StaffPages.FileAsync(Factory.BaseUrl, new SubmissionForm().Set("email", "somsak@example.com").Set("notifyBySms", "true"));
        Assert.Equal(2, (await NotificationServers.SettledAsync(Factory)).Count(m => m.Status == MessageStatus.Sent));
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        var page = await OpenAsync("/staff/", Desktop, bypassCsp: true);
        await StaffPages.SignInAsync(page, officer);
        await page.GotoAsync($"{Factory.BaseUrl}/staff/requests/{reference}");

        var messages = page.GetByRole(AriaRole.Table, new PageGetByRoleOptions { Name = "อีเมลและ SMS ของคำร้องนี้: 2 รายการ" });
        await Expect(messages).ToBeVisibleAsync();
        var email = messages.GetByRole(AriaRole.Row).Filter(new LocatorFilterOptions { HasText = "so****@example.com" });
        await Expect(email).ToContainTextAsync("อีเมล");
        await Expect(email).ToContainTextAsync("ยื่นคำร้อง");
        await Expect(email.GetByText("ส่งแล้ว", new LocatorGetByTextOptions { Exact = true })).ToBeVisibleAsync();
        var sms = messages.GetByRole(AriaRole.Row).Filter(new LocatorFilterOptions { HasText = "xxx-xxx-5678" });
        await Expect(sms).ToContainTextAsync("SMS");
        await Expect(sms.GetByText("ส่งแล้ว", new LocatorGetByTextOptions { Exact = true })).ToBeVisibleAsync();
        // No body, no full address.
        await Expect(page.Locator("#d-messages")).Not.ToContainTextAsync("somsak@example.com");
        await Expect(page.Locator("#d-messages")).Not.ToContainTextAsync("081-234-5678");
        Assert.Empty(await AllViolationsAsync(page));
        await ScreenshotAsync(page.Locator("#d-messages"), "staff-request-messages-1280.png");

        // รับเรื่อง writes two more, which the list shows at once.
        await StaffPages.Button(page, "รับเรื่อง").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new PageGetByRoleOptions { Name = "อีเมลและ SMS ของคำร้องนี้: 4 รายการ" })).ToBeVisibleAsync();
        await Expect(page.Locator("#d-messages").GetByRole(AriaRole.Row).Filter(new LocatorFilterOptions { HasText = "เจ้าหน้าที่รับเรื่อง" })).ToHaveCountAsync(2);
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task AnAdministrator_SendsAGivenUpSmsAgain_FromTheFailingMessages_AndSeesItSent()
    {
        Servers.Sms.FailWith = 422;
        var (reference, _) = await StaffPages.FileAsync(Factory.BaseUrl, new SubmissionForm().Set("notifyBySms", "true"));
        Assert.Equal(MessageStatus.GivenUp, Assert.Single(await NotificationServers.SettledAsync(Factory)).Status);
        var admin = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Admin);
        var page = await OpenAsync("/staff/", Desktop, bypassCsp: true);
        await StaffPages.SignInAsync(page, admin);

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "ข้อความที่ส่งไม่สำเร็จ", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "ข้อความที่ส่งไม่สำเร็จ", Level = 1 })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new LocatorFilterOptions { HasText = reference });
        await Expect(row.GetByText("เลิกส่งแล้ว", new LocatorGetByTextOptions { Exact = true })).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("SMS");
        await Expect(row).ToContainTextAsync("xxx-xxx-5678");
        await Expect(row).ToContainTextAsync("422");
        Assert.Empty(await AllViolationsAsync(page));
        await ScreenshotAsync(page, "staff-messages-1280.png");

        Servers.Sms.FailWith = null;
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "ส่งอีกครั้ง" }).ClickAsync();

        await Expect(row.GetByText("ส่งแล้ว", new LocatorGetByTextOptions { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new LocatorFilterOptions { HasText = reference })).ToHaveTextAsync($"ข้อความของคำร้อง {reference}: ส่งแล้ว");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        Assert.Single(Servers.Sms.Received);

        // Its request says so too.
        await row.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = reference }).ClickAsync();
        await Expect(page.Locator("#d-messages").GetByText("ส่งแล้ว", new LocatorGetByTextOptions { Exact = true })).ToBeVisibleAsync();
        AssertNoConsoleErrors();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/status#t=[A-Za-z0-9_-]+")]
    private static partial Regex StatusLink();
}
