using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CctvRequests.Application.Appointments.Remind;
using CctvRequests.Application.Common;
using CctvRequests.Application.Notifications;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Common;
using CctvRequests.TestSupport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Api.Tests;

/// <summary>
/// The booking's confirmation and the day-before reminder go through the outbox to a real SMTP server, in the
/// citizen's language, with the place, the Bangkok time and what to bring; the reminder once, at 09:00 the day before.
/// </summary>
public sealed class AppointmentNotificationTests(NotificationsFactory factory) : IClassFixture<NotificationsFactory>, IAsyncLifetime
{
    private readonly HttpClient _citizen = factory.CreateClient();

    public Task InitializeAsync() => factory.ResetWithServersAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnEnglishApplicant_GetsTheBookingInEnglish_AndOneReminderTheDayBefore()
    {
        var form = new SubmissionForm().Set("purpose", "View").Set("email", "visitor@example.com").WithPassport();
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = form.ToContent() };
        submit.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var submitted = JsonDocument.Parse(await (await _citizen.SendAsync(submit)).Content.ReadAsStringAsync()).RootElement;
        var reference = submitted.GetProperty("referenceNumber").GetString()!;
        var token = submitted.GetProperty("statusUrl").GetString()!.Split("#t=")[1];
        var approver = await StaffClient.SignedInAsync(factory, await TestStaffAccounts.CreateAsync(factory, StaffRoles.Approver));
        foreach (var decision in new[] { "receive", "approve" })
        {
            var etag = (await approver.GetAsync($"/api/staff/requests/{reference}")).Headers.ETag!.ToString();
            Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/api/staff/requests/{reference}/{decision}", new { }, etag)).StatusCode);
        }
        await factory.Smtp.WaitForAsync(3);

        var identity = new { token, passportNumber = "XK1234567", passportCountry = "GBR" };
        var slots = JsonDocument.Parse(await (await _citizen.PostAsJsonAsync("/api/status/appointment/slots", identity)).Content.ReadAsStringAsync()).RootElement;
        var today = BangkokTime.Today(factory.Clock);
        var slot = slots.EnumerateArray().First(s => BangkokTime.DateOf(s.GetProperty("startsAt").GetDateTimeOffset()) >= today.AddDays(2));
        var startsAt = slot.GetProperty("startsAt").GetDateTimeOffset();
        var booked = await _citizen.PostAsJsonAsync("/api/status/appointment/book", new
        {
            token, passportNumber = "XK1234567", passportCountry = "GBR", placeId = slot.GetProperty("placeId").GetInt32(), startsAt = slot.GetProperty("startsAt").GetString(),
        });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        var mails = await factory.Smtp.WaitForAsync(4);
        var confirmation = mails[3];
        var when = $"{ThaiDates.Long(BangkokTime.DateOf(startsAt), thai: false)}, {BangkokTime.TimeOf(startsAt):HH\\:mm}-{BangkokTime.TimeOf(startsAt.AddMinutes(30)):HH\\:mm}";
        Assert.StartsWith($"Request {reference}: Viewing booked", confirmation.Subject);
        Assert.Contains(when, confirmation.TextBody);
        Assert.Contains("What to bring: The original ID card or passport", confirmation.TextBody);
        Assert.DoesNotContain("นัดหมาย", confirmation.TextBody);

        // 09:00 in Bangkok the day before: the reminder, once.
        var dueAt = BangkokTime.At(BangkokTime.DateOf(startsAt).AddDays(-1), new TimeOnly(9, 0));
        factory.Clock.SetUtcNow(dueAt.AddMinutes(-5));
        Assert.Equal(0, await RemindAsync());
        factory.Clock.SetUtcNow(dueAt.AddMinutes(1));
        Assert.Equal(1, await RemindAsync());
        Assert.Equal(0, await RemindAsync());

        mails = await factory.Smtp.WaitForAsync(5);
        Assert.StartsWith($"Request {reference}: Your viewing is tomorrow", mails[4].Subject);
        Assert.Contains(when, mails[4].TextBody);
        await using var db = factory.NewDbContext();
        Assert.Equal(
            [MessageEvent.AppointmentBooked, MessageEvent.AppointmentReminder],
            await db.OutboxMessages.Where(m => m.Event == MessageEvent.AppointmentBooked || m.Event == MessageEvent.AppointmentReminder)
                .OrderBy(m => m.CreatedAt).Select(m => m.Event).ToListAsync());
    }

    private async Task<int> RemindAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var count = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RemindAppointmentsCommand());
        factory.Services.GetRequiredService<Infrastructure.Notifications.OutboxSignal>().Set();
        return count;
    }
}
