using System.Globalization;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Common;
using CctvRequests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>A host of its own: the journey moves its clock to the day of the visit.</summary>
public sealed class AppointmentWebFactory : WebFactory;

/// <summary>
/// นัดหมายเข้าชมภาพ in the browser (issue 22): the applicant of an approved viewing, on a phone, confirms the ID on the
/// status page, picks the first free time on the BE date picker's day, gets the confirmation with the place and what to
/// bring and the .ics (parsed back: the right instant in Asia/Bangkok); the officer sees the visit in the day's list and
/// marks it attended on the day; the status page then shows the visit as attended.
/// </summary>
public class AppointmentPagesTests(AppointmentWebFactory factory, BrowserFixture browser) : WebTest(factory, browser), IClassFixture<AppointmentWebFactory>
{
    [Fact]
    public async Task TheApplicantBooksOnAPhone_GetsTheIcs_TheOfficerMarksAttended_AndTheStatusPageShowsTheVisit()
    {
        var form = new SubmissionForm().Set("purpose", "View");
        var (reference, statusUrl) = await StaffPages.FileAsync(Factory.BaseUrl, form);
        await StaffPages.DecideAsync(Factory, reference, approve: true);

        // The applicant, on a phone: the token alone shows the section, the ID opens it.
        var phone = await OpenAsync(statusUrl[Factory.BaseUrl.Length..], Phone);
        var visit = phone.Locator("#sp-visit");
        await Expect(visit.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { Name = "นัดหมายเข้าชมภาพ" })).ToBeVisibleAsync();
        var id = visit.GetByLabel("เลขบัตรประชาชนของผู้ยื่นคำร้องนี้", new LocatorGetByLabelOptions { Exact = true });
        await id.FillAsync(NationalIds.New());
        await StaffPages.Button(phone, "ยืนยันตัวตน").ClickAsync();
        await Expect(phone.Locator("#ap-id-error")).ToHaveTextAsync("เลขที่กรอกไม่ตรงกับเลขที่ใช้ยื่นคำร้องนี้ กรุณาตรวจสอบแล้วลองใหม่");
        await id.FillAsync(form.NationalId);
        await StaffPages.Button(phone, "ยืนยันตัวตน").ClickAsync();

        // The day is the first with a free time, typed and shown in the Buddhist Era; the limits are the server's.
        var pick = phone.Locator("#ap-pick");
        await Expect(pick.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { Name = "เลือกวันและเวลาเข้าชม" })).ToBeVisibleAsync();
        await Expect(pick).ToContainTextAsync("นัดได้ล่วงหน้าไม่เกิน 14 วัน ครั้งละ 30 นาที เปลี่ยนหรือยกเลิกได้ก่อนเวลานัด 2 ชั่วโมง");
        var first = pick.Locator("#ap-times input[type=radio]").First;
        var startsAt = DateTimeOffset.Parse((await first.GetAttributeAsync("value"))!, CultureInfo.InvariantCulture);
        var day = BangkokTime.DateOf(startsAt);
        var time = BangkokTime.TimeOf(startsAt).ToString("HH:mm", CultureInfo.InvariantCulture);
        await Expect(pick.GetByLabel("วันที่เข้าชม", new LocatorGetByLabelOptions { Exact = true })).ToHaveValueAsync(BuddhistDate(day));
        await Expect(pick.GetByRole(AriaRole.Radio).First).ToHaveAccessibleNameAsync($"{time} น.");

        // The calendar opens on that month with Thai month names and BE years, days outside the window not pickable.
        await pick.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "ปฏิทิน" }).ClickAsync();
        await Expect(phone.Locator(".calendar__title")).ToContainTextAsync($"{day.Year + 543}");
        await Expect(phone.Locator($".calendar__day[data-iso='{day.AddDays(-1):yyyy-MM-dd}']")).ToBeDisabledAsync();
        await phone.Locator($".calendar__day[data-iso='{day:yyyy-MM-dd}']").ClickAsync();
        Assert.False(await HasHorizontalScrollAsync(phone));
        var violations = await AllViolationsAsync(phone);
        Assert.True(violations.Count == 0, string.Join("; ", violations));
        await ScreenshotAsync(visit, "status-appointment-pick-360.png");

        // The times are large buttons: the radio's label is what a finger presses.
        await pick.Locator("#ap-times label", new LocatorLocatorOptions { HasText = $"{time} น." }).First.ClickAsync();
        await Expect(pick.GetByLabel($"{time} น.", new LocatorGetByLabelOptions { Exact = true })).ToBeCheckedAsync();
        await StaffPages.Button(phone, "ยืนยันนัดหมาย").ClickAsync();
        var booked = phone.Locator("#ap-booked");
        await Expect(booked.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { Name = "นัดหมายของท่าน" })).ToBeVisibleAsync();
        var end = BangkokTime.TimeOf(startsAt.AddMinutes(30)).ToString("HH:mm", CultureInfo.InvariantCulture);
        await Expect(phone.Locator("#ap-when")).ToHaveTextAsync($"{BuddhistDate(day)} เวลา {time}-{end} น.");
        await Expect(phone.Locator("#ap-place")).ToContainTextAsync("ห้องเข้าชมภาพ ศูนย์ควบคุมกล้องวงจรปิด");
        await Expect(phone.Locator("#ap-bring")).ToContainTextAsync("บัตรประชาชนหรือหนังสือเดินทางตัวจริง");
        Assert.False(await HasHorizontalScrollAsync(phone));
        violations = await AllViolationsAsync(phone);
        Assert.True(violations.Count == 0, string.Join("; ", violations));
        await ScreenshotAsync(visit, "status-appointment-booked-360.png");

        // The .ics, read back with Ical.Net: the same instant, in Asia/Bangkok.
        var download = await phone.RunAndWaitForDownloadAsync(() => StaffPages.Button(phone, "บันทึกลงปฏิทิน (.ics)").ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(await File.ReadAllTextAsync((await download.PathAsync())!))!;
        var visitEvent = Assert.Single(calendar.Events);
        Assert.Equal("Asia/Bangkok", visitEvent.DtStart!.TzId);
        Assert.Equal(startsAt.UtcDateTime, visitEvent.DtStart.AsUtc);
        Assert.Contains(reference, visitEvent.Summary);

        // The day of the visit: the officer sees it in the day's list and marks it attended.
        Factory.Clock.SetUtcNow(startsAt.AddMinutes(5));
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer, name: "สมหญิง รับนัด");
        var page = await OpenAsync("/staff/", Desktop);
        await StaffPages.SignInAsync(page, officer);
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "นัดหมายเข้าชมภาพ", Exact = true }).ClickAsync();
        await page.GotoAsync($"{Factory.BaseUrl}/staff/appointments?date={day:yyyy-MM-dd}");
        var row = page.Locator("#visits-table tbody tr", new PageLocatorOptions { HasText = reference });
        await Expect(row).ToContainTextAsync($"{time}-{end}");
        await Expect(row).ToContainTextAsync(form.Fields["firstName"]);
        await Expect(row).ToContainTextAsync("นัดหมายแล้ว");
        violations = await AllViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("; ", violations));
        await ScreenshotAsync(page, "staff-appointments-1280.png");
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = $"มาตามนัด {reference}", Exact = true }).ClickAsync();
        await Expect(row).ToContainTextAsync("มาตามนัดแล้ว");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        // On paper: the list alone, without the menu and the filters.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("#visits-form")).ToBeHiddenAsync();
        await Expect(page.Locator(".visits-print-head")).ToBeVisibleAsync();
        await Expect(page.Locator("#visits-table")).ToBeVisibleAsync();

        // The status page shows the visit, attended.
        await phone.ReloadAsync();
        await Expect(phone.Locator("#ap-summary")).ToHaveTextAsync($"{BuddhistDate(day)} เวลา {time}-{end} น. · ห้องเข้าชมภาพ ศูนย์ควบคุมกล้องวงจรปิด อบจ.ลำปาง · มาตามนัดแล้ว");
        AssertNoConsoleErrorsBut(400);
    }

    [Fact]
    public async Task AnAdministrator_SeesTheViewingPlaceAndTheHolidays_AndClosesAnAnnouncedDay()
    {
        var admin = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Admin, name: "ผู้ดูแล วันหยุด");
        var page = await OpenAsync("/staff/", Desktop);
        await StaffPages.SignInAsync(page, admin);
        await page.GotoAsync($"{Factory.BaseUrl}/staff/settings");

        var places = page.Locator("#places");
        await Expect(places.Locator("#place-table tbody tr")).ToHaveCountAsync(1);
        await Expect(places.Locator("#place-table tbody tr")).ToContainTextAsync("ห้องเข้าชมภาพ ศูนย์ควบคุมกล้องวงจรปิด");
        await Expect(places.Locator("#place-table tbody tr")).ToContainTextAsync("วันจันทร์ 09:00-16:00");
        var closed = page.Locator("#closed-days");
        await Expect(closed.Locator("#closed-table tbody tr")).ToHaveCountAsync(14);
        await Expect(closed).ToContainTextAsync("ทุกปี วันที่ 10 ธันวาคม");
        await Expect(closed).ToContainTextAsync("วันรัฐธรรมนูญ");

        // An announced substitution day, a week ahead: the rows and the slots follow.
        var day = TestClock.Today.AddDays(7);
        await closed.GetByLabel("วันที่", new LocatorGetByLabelOptions { Exact = true }).FillAsync(BuddhistDate(day));
        await closed.GetByLabel("ข้อความ (ไทย)", new LocatorGetByLabelOptions { Exact = true }).FillAsync("วันหยุดชดเชย");
        await closed.GetByLabel("ข้อความ (อังกฤษ)", new LocatorGetByLabelOptions { Exact = true }).FillAsync("Substitution day");
        await StaffPages.Button(page, "เพิ่มวันหยุดนี้").ClickAsync();
        await Expect(page.Locator("#closed-status")).ToHaveTextAsync("เพิ่มวันหยุด วันหยุดชดเชย แล้ว");
        await Expect(closed.Locator("#closed-table tbody tr")).ToHaveCountAsync(15);
        await Expect(closed).ToContainTextAsync(BuddhistDate(day));
        var violations = await AllViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("; ", violations));
        await using (var db = Factory.NewDbContext())
        {
            var calendar = new Domain.Appointments.AppointmentCalendar(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.ClosedDays));
            Assert.NotNull(calendar.ClosedOn(day));
        }

        await closed.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "เปิดให้นัด วันหยุดชดเชย", Exact = true }).ClickAsync();
        await Expect(closed.Locator("#closed-table tbody tr")).ToHaveCountAsync(14);
        AssertNoConsoleErrors();
    }
}
