using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Appointments;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CctvRequests.Api.Tests;

/// <summary>A host of its own: these tests move the clock to the day of a visit, which the shared host's other tests must not see.</summary>
public sealed class AppointmentApiFactory : ApiFactory;

/// <summary>
/// Viewing appointments (issue 22): the seeded place's slots in Bangkok's time without closed days, identity
/// confirmation, booking with a seat the database gives (100 at once for the last seat: exactly one), the 409 naming
/// the next free times, reschedule and cancel until the latest change, never after the footage is overwritten unless
/// preserved, the staff day list, attendance, booking on the applicant's behalf, erasure freeing the seat; all in the
/// request's appointments and the audit log.
/// </summary>
public class AppointmentTests(AppointmentApiFactory factory, ITestOutputHelper output) : StaffApiTest(factory), IClassFixture<AppointmentApiFactory>
{
    public sealed record Approved(FootageRequest Request, string Token, string NationalId)
    {
        public string Reference => Request.ReferenceNumber.Value;

        public object Identity => new { token = Token, nationalId = NationalId };

        public object At(JsonElement slot) => new { token = Token, nationalId = NationalId, placeId = slot.GetProperty("placeId").GetInt32(), startsAt = slot.GetProperty("startsAt").GetString() };
    }

    /// <summary>An approved request to view, stored straight (no files), with a status token and national ID the test knows.</summary>
    private async Task<Approved> ApprovedViewAsync(int incidentDaysAgo = 2, Purpose purpose = Purpose.View, RequestStatus status = RequestStatus.Approved)
    {
        var token = StatusToken.NewToken();
        var nationalId = NationalIds.New();
        var now = Factory.Clock.GetUtcNow();
        await using var db = Factory.NewDbContext();
        var station = await db.Stations.SingleAsync(s => s.Id == 3);
        var request = new FootageRequestBuilder()
            .AtStation(station)
            .For(purpose, purpose == Purpose.Copy ? 1 : null)
            .SubmittedAt(now.AddDays(-1))
            .IncidentOn(BangkokTime.DateOf(now).AddDays(-incidentDaysAgo))
            .WithApplicant(Applicant.Create("นาย", "ผู้นัด", "ทดสอบ", IdentityDocument.Of(NationalId.Parse(nationalId)), 40, null, "ไทย", "1 ถนนทดสอบ ลำปาง", ThaiPhoneNumber.Parse("0812345678")))
            .WithStatusTokenHash(StatusToken.Hash(token))
            .InStatus(status, now.AddHours(-1))
            .Build();
        db.FootageRequests.Add(request);
        await db.SaveChangesAsync();
        return new Approved(request, token, nationalId);
    }

    private Task<HttpResponseMessage> PostAsync(string path, object body) => Client.PostAsJsonAsync(path, body);

    private async Task<JsonElement> SlotsAsync(Approved a)
    {
        var response = await PostAsync("/api/status/appointment/slots", a.Identity);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    private static DateTimeOffset StartOf(JsonElement slot) => DateTimeOffset.Parse(slot.GetProperty("startsAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<ClosedDay>> ClosedDaysAsync()
    {
        await using var db = Factory.NewDbContext();
        return await db.ClosedDays.AsNoTracking().ToListAsync();
    }

    /// <summary>What the seeded place must offer now, worked out here from the contract: Mon-Fri 09:00-16:00 Bangkok, 30 minutes, 2 h ahead, 14 days.</summary>
    private async Task<List<DateTimeOffset>> ExpectedSlotsAsync(DateOnly? lastDay = null)
    {
        var closed = await ClosedDaysAsync();
        var now = Factory.Clock.GetUtcNow();
        var bangkok = TimeSpan.FromHours(7);
        var today = DateOnly.FromDateTime(now.ToOffset(bangkok).DateTime);
        var expected = new List<DateTimeOffset>();
        for (var day = today; day <= today.AddDays(14) && (lastDay is null || day <= lastDay); day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || closed.Any(c => c.Covers(day)))
            {
                continue;
            }
            for (var minutes = 9 * 60; minutes < 16 * 60; minutes += 30)
            {
                var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(minutes / 60, minutes % 60)), bangkok);
                if (start >= now.AddHours(2))
                {
                    expected.Add(start);
                }
            }
        }
        return expected;
    }

    [Fact]
    public async Task TheSeed_IsOnePlace_MonToFri_0900To1600Bangkok_30MinuteSlots_OneSeat_WithoutTheFixedHolidays()
    {
        var a = await ApprovedViewAsync();
        var slots = await SlotsAsync(a);

        var starts = slots.EnumerateArray().Select(StartOf).ToList();
        Assert.Equal(await ExpectedSlotsAsync(), starts);
        Assert.All(slots.EnumerateArray(), s => Assert.Equal(1, s.GetProperty("seatsLeft").GetInt32()));
        Assert.Single(slots.EnumerateArray().Select(s => s.GetProperty("placeId").GetInt32()).Distinct());
        var closed = await ClosedDaysAsync();
        Assert.Contains(closed, c => c.Yearly && c.Date.Month == 12 && c.Date.Day == 5);
        Assert.Contains(closed, c => c.Yearly && c.Date.Month == 4 && c.Date.Day == 13);
        Assert.Equal(14, closed.Count);
    }

    [Fact]
    public async Task AClosedDayTheAdminAdds_HidesItsSlots_AndRemovingItBringsThemBack()
    {
        var a = await ApprovedViewAsync();
        var first = StartOf((await SlotsAsync(a))[0]);
        var day = BangkokTime.DateOf(first);
        var admin = await SignedInAsync(StaffRoles.Admin);

        var added = await admin.PostAsync("/api/staff/admin/closed-days", new { date = day.ToString("yyyy-MM-dd"), yearly = false, name = "วันหยุดชดเชย", nameEn = "Substitution day" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var slots = (await SlotsAsync(a)).EnumerateArray().Select(StartOf).ToList();
        Assert.DoesNotContain(slots, s => BangkokTime.DateOf(s) == day);
        Assert.Equal(await ExpectedSlotsAsync(), slots);

        var id = (await JsonAsync(added)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(HttpMethod.Delete, $"/api/staff/admin/closed-days/{id}")).StatusCode);
        Assert.Contains((await SlotsAsync(a)).EnumerateArray().Select(StartOf), s => BangkokTime.DateOf(s) == day);
    }

    [Fact]
    public async Task TheTokenAlone_OrAWrongNumber_OpensNothing()
    {
        var a = await ApprovedViewAsync();

        var none = await PostAsync("/api/status/appointment/slots", new { token = a.Token });
        var wrong = await PostAsync("/api/status/appointment/slots", new { token = a.Token, nationalId = NationalIds.New() });
        var unknown = await PostAsync("/api/status/appointment/slots", new { token = StatusToken.NewToken(), nationalId = a.NationalId });

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await JsonAsync(wrong)).GetProperty("errors").TryGetProperty("nationalId", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var book = await PostAsync("/api/status/appointment/book", new { token = a.Token, nationalId = NationalIds.New(), placeId = 1, startsAt = "2030-01-07T09:00:00+07:00" });
        Assert.Equal(HttpStatusCode.BadRequest, book.StatusCode);
    }

    [Fact]
    public async Task OnlyAnApprovedViewing_CanBook()
    {
        var copy = await ApprovedViewAsync(purpose: Purpose.Copy);
        var pending = await ApprovedViewAsync(status: RequestStatus.Received);
        var view = await ApprovedViewAsync();
        var slot = (await SlotsAsync(view))[0];

        Assert.Equal(0, (await SlotsAsync(copy)).GetArrayLength());
        Assert.Equal(0, (await SlotsAsync(pending)).GetArrayLength());
        var refused = await PostAsync("/api/status/appointment/book", copy.At(slot));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("appointment.not_allowed", (await JsonAsync(refused)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ABooking_Is201_TakesTheSeat_IsInTheRequestAndTheAuditLog_AndTheNextBookingOfThatSlotIs409NamingTheNextFreeTimes()
    {
        var first = await ApprovedViewAsync();
        var second = await ApprovedViewAsync();
        var slot = (await SlotsAsync(first))[0];

        var booked = await PostAsync("/api/status/appointment/book", first.At(slot));
        Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        var visit = await JsonAsync(booked);
        Assert.Equal(StartOf(slot), DateTimeOffset.Parse(visit.GetProperty("startsAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Booked", visit.GetProperty("status").GetString());
        Assert.Contains("บัตรประชาชน", visit.GetProperty("whatToBring").GetString());

        var taken = await PostAsync("/api/status/appointment/book", second.At(slot));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        var problem = await JsonAsync(taken);
        Assert.Equal("appointment.slot_taken", problem.GetProperty("code").GetString());
        var next = problem.GetProperty("nextFreeTimes").EnumerateArray().Select(t => t.GetDateTimeOffset()).ToList();
        Assert.Equal(3, next.Count);
        Assert.All(next, t => Assert.True(t > StartOf(slot)));
        Assert.Equal((await SlotsAsync(second)).EnumerateArray().Select(StartOf).Take(3), next);
        Assert.DoesNotContain((await SlotsAsync(second)).EnumerateArray().Select(StartOf), s => s == StartOf(slot));
        Assert.Contains(AppointmentTexts.When(next[0]).Th, problem.GetProperty("detail").GetString());

        var again = await PostAsync("/api/status/appointment/book", first.At((await SlotsAsync(first))[1]));
        Assert.Equal("appointment.already_booked", (await JsonAsync(again)).GetProperty("code").GetString());

        var officer = await SignedInAsync(StaffRoles.Officer);
        var record = await JsonAsync(await officer.GetAsync($"/api/staff/requests/{first.Reference}/appointments"));
        var row = Assert.Single(record.GetProperty("appointments").EnumerateArray());
        Assert.Equal("Booked", row.GetProperty("status").GetString());
        Assert.Equal("ผู้ยื่นคำร้อง", row.GetProperty("bookedByName").GetString());
        Assert.Equal(1, row.GetProperty("seat").GetInt32());
        await using var db = Factory.NewDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "BookAppointment" && e.ReferenceNumber == first.Reference));
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == "BookAppointment" && e.ReferenceNumber == second.Reference));
        // Integrators' feed: the booking, with its time and place and nothing of the person; the refused one is not there.
        var events = await db.IntegrationEvents.AsNoTracking()
            .Where(e => e.Type == "appointment.booked" && (e.ReferenceNumber == first.Reference || e.ReferenceNumber == second.Reference)).ToListAsync();
        var booking = Assert.Single(events);
        Assert.Equal(first.Reference, booking.ReferenceNumber);
        Assert.Contains("\"startsAt\"", booking.Data);
        Assert.DoesNotContain(first.NationalId, booking.Data);
    }

    [Fact]
    public async Task HundredConcurrentBookingsOfTheLastSeat_GiveExactlyOne201_AndNinetyNine409()
    {
        const int callers = 100;
        var requests = new List<Approved>();
        for (var i = 0; i < callers; i++)
        {
            requests.Add(await ApprovedViewAsync());
        }
        var slot = (await SlotsAsync(requests[0]))[0];
        using var gate = new SemaphoreSlim(0);
        var calls = requests.Select(async r =>
        {
            await gate.WaitAsync();
            using var client = Factory.CreateClient();
            return await client.PostAsJsonAsync("/api/status/appointment/book", r.At(slot));
        }).ToList();
        gate.Release(callers);
        var answers = await Task.WhenAll(calls);

        var created = answers.Count(a => a.StatusCode == HttpStatusCode.Created);
        var conflicts = answers.Count(a => a.StatusCode == HttpStatusCode.Conflict);
        var counts = $"{callers} concurrent bookings of the last seat: {created} x 201, {conflicts} x 409, {callers - created - conflicts} other";
        output.WriteLine(counts);
        // Also kept where a person can read it after the run (test runners hide a passing test's output).
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "cctv-appointments-concurrency.txt"), counts + Environment.NewLine);
        Assert.Equal(1, created);
        Assert.Equal(callers - 1, conflicts);
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = await JsonAsync(refused);
            Assert.Equal("appointment.slot_taken", problem.GetProperty("code").GetString());
            Assert.True(problem.GetProperty("nextFreeTimes").GetArrayLength() > 0);
        }
        await using var db = Factory.NewDbContext();
        var start = StartOf(slot);
        Assert.Equal(1, await db.Appointments.CountAsync(x => x.StartsAt == start));
    }

    [Fact]
    public async Task ASlotWithTwoSeats_TakesTwoBookings_OnSeatsOneAndTwo_ThenRefuses()
    {
        var admin = await SignedInAsync(StaffRoles.Admin);
        var place = (await JsonAsync(await admin.GetAsync("/api/staff/viewing-places")))[0];
        var form = JsonSerializer.Deserialize<Dictionary<string, object?>>(place.GetRawText())!;
        form["seats"] = 2;
        form["name"] = place.GetProperty("name").GetProperty("th").GetString();
        form["nameEn"] = place.GetProperty("name").GetProperty("en").GetString();
        form["address"] = place.GetProperty("address").GetProperty("th").GetString();
        form["addressEn"] = place.GetProperty("address").GetProperty("en").GetString();
        form["whatToBring"] = place.GetProperty("whatToBring").GetProperty("th").GetString();
        form["whatToBringEn"] = place.GetProperty("whatToBring").GetProperty("en").GetString();
        var id = place.GetProperty("id").GetInt32();
        var saved = await admin.SendAsync(HttpMethod.Put, $"/api/staff/admin/viewing-places/{id}", form);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        try
        {
            var people = new[] { await ApprovedViewAsync(), await ApprovedViewAsync(), await ApprovedViewAsync() };
            var slot = (await SlotsAsync(people[0]))[0];
            Assert.Equal(2, slot.GetProperty("seatsLeft").GetInt32());

            Assert.Equal(HttpStatusCode.Created, (await PostAsync("/api/status/appointment/book", people[0].At(slot))).StatusCode);
            Assert.Equal(1, (await SlotsAsync(people[1]))[0].GetProperty("seatsLeft").GetInt32());
            Assert.Equal(HttpStatusCode.Created, (await PostAsync("/api/status/appointment/book", people[1].At(slot))).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await PostAsync("/api/status/appointment/book", people[2].At(slot))).StatusCode);
            await using var db = Factory.NewDbContext();
            var start = StartOf(slot);
            Assert.Equal([1, 2], await db.Appointments.Where(x => x.StartsAt == start).Select(x => x.Seat).OrderBy(x => x).ToListAsync());
        }
        finally
        {
            form["seats"] = 1;
            await admin.SendAsync(HttpMethod.Put, $"/api/staff/admin/viewing-places/{id}", form);
        }
    }

    [Fact]
    public async Task RescheduleAndCancel_FreeTheOldSeat_UntilTheLatestChange_ThenAre409()
    {
        var a = await ApprovedViewAsync();
        var other = await ApprovedViewAsync();
        var slots = await SlotsAsync(a);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("/api/status/appointment/book", a.At(slots[0]))).StatusCode);

        var moved = await PostAsync("/api/status/appointment/reschedule", a.At(slots[1]));
        Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        Assert.Equal(StartOf(slots[1]), StartOf(await JsonAsync(moved)));
        // The first time is free again, for someone else.
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("/api/status/appointment/book", other.At(slots[0]))).StatusCode);

        var overview = await JsonAsync(await PostAsync("/api/status/appointment", a.Identity));
        Assert.Equal(StartOf(slots[1]), StartOf(overview.GetProperty("current")));
        var cancelled = await PostAsync("/api/status/appointment/cancel", a.Identity);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", (await JsonAsync(cancelled)).GetProperty("status").GetString());
        Assert.Contains((await SlotsAsync(a)).EnumerateArray().Select(StartOf), s => s == StartOf(slots[1]));

        // The other's visit: changes stop 2 hours before it.
        var until = StartOf(slots[0]).AddHours(-2);
        Factory.Clock.SetUtcNow(until.AddMinutes(1));
        var late = await PostAsync("/api/status/appointment/cancel", other.Identity);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("appointment.too_late", (await JsonAsync(late)).GetProperty("code").GetString());

        var officer = await SignedInAsync(StaffRoles.Officer);
        var history = (await JsonAsync(await officer.GetAsync($"/api/staff/requests/{a.Reference}/appointments"))).GetProperty("appointments");
        Assert.Equal(["Moved", "Cancelled"], history.EnumerateArray().Select(h => h.GetProperty("status").GetString()));
        await using var db = Factory.NewDbContext();
        Assert.Equal(["BookAppointment", "CancelAppointment", "ChangeAppointment"],
            await db.AuditEntries.Where(e => e.ReferenceNumber == a.Reference).Select(e => e.Action).OrderBy(x => x).ToListAsync());
    }

    [Fact]
    public async Task NeverADayAfterTheFootageIsOverwritten_UnlessItWasPreserved()
    {
        // Station 3 keeps 30 days: an incident 24 days ago is overwritten in 6 days, so the last viewing day is in 5.
        var a = await ApprovedViewAsync(incidentDaysAgo: 24);
        var today = BangkokTime.Today(Factory.Clock);
        var lastDay = today.AddDays(5);

        var slots = (await SlotsAsync(a)).EnumerateArray().Select(StartOf).ToList();
        Assert.Equal(await ExpectedSlotsAsync(lastDay), slots);
        Assert.All(slots, s => Assert.True(BangkokTime.DateOf(s) <= lastDay));
        var after = (await ExpectedSlotsAsync()).First(s => BangkokTime.DateOf(s) > lastDay);
        var refused = await PostAsync("/api/status/appointment/book", new { token = a.Token, nationalId = a.NationalId, placeId = 1, startsAt = after.ToString("O") });
        Assert.Equal("appointment.after_overwrite", (await JsonAsync(refused)).GetProperty("code").GetString());

        var officer = await SignedInAsync(StaffRoles.Officer);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsync($"/api/staff/requests/{a.Reference}/preservation", new { note = "ส่งออกภาพไว้แล้ว" })).StatusCode);
        Assert.Equal(await ExpectedSlotsAsync(), (await SlotsAsync(a)).EnumerateArray().Select(StartOf).ToList());
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("/api/status/appointment/book", new { token = a.Token, nationalId = a.NationalId, placeId = 1, startsAt = after.ToString("O") })).StatusCode);
    }

    [Fact]
    public async Task TheOfficer_BooksByTelephone_SeesTheDayList_AndRecordsAttendanceFromTheDay()
    {
        var a = await ApprovedViewAsync();
        var officer = await SignedInAsync(StaffRoles.Officer);
        var slots = await JsonAsync(await officer.GetAsync($"/api/staff/requests/{a.Reference}/appointment-slots"));
        var slot = slots[0];

        var booked = await officer.PostAsync($"/api/staff/requests/{a.Reference}/appointment", new { placeId = slot.GetProperty("placeId").GetInt32(), startsAt = slot.GetProperty("startsAt").GetString() });
        Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        var day = BangkokTime.DateOf(StartOf(slot));

        var list = await JsonAsync(await officer.GetAsync($"/api/staff/appointments?date={day:yyyy-MM-dd}"));
        var row = Assert.Single(list.EnumerateArray());
        Assert.Equal(a.Reference, row.GetProperty("referenceNumber").GetString());
        Assert.Equal("นายผู้นัด ทดสอบ", row.GetProperty("applicantName").GetString());
        Assert.False(row.GetProperty("preserved").GetBoolean());
        Assert.NotEqual("ผู้ยื่นคำร้อง", row.GetProperty("bookedByName").GetString());
        Assert.Equal(0, (await JsonAsync(await officer.GetAsync($"/api/staff/appointments?date={day.AddDays(1):yyyy-MM-dd}"))).GetArrayLength());
        Assert.Single((await JsonAsync(await officer.GetAsync($"/api/staff/appointments?date={BangkokTime.Today(Factory.Clock):yyyy-MM-dd}&days=15"))).EnumerateArray());

        var id = row.GetProperty("id").GetString();
        if (day > BangkokTime.Today(Factory.Clock))
        {
            var early = await officer.PostAsync($"/api/staff/appointments/{id}/outcome", new { attended = true });
            Assert.Equal("appointment.not_yet", (await JsonAsync(early)).GetProperty("code").GetString());
        }
        Factory.Clock.SetUtcNow(StartOf(slot).AddMinutes(10));
        // Days may have passed: a new session (sessions end after 8 hours).
        officer = await SignedInAsync(StaffRoles.Officer);
        var attended = await officer.PostAsync($"/api/staff/appointments/{id}/outcome", new { attended = true });
        Assert.True(attended.StatusCode == HttpStatusCode.OK, await attended.Content.ReadAsStringAsync());
        Assert.Equal("Attended", (await JsonAsync(attended)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsync($"/api/staff/appointments/{id}/outcome", new { attended = false })).StatusCode);

        var status = await JsonAsync(await PostAsync("/api/status/token", new { token = a.Token }));
        Assert.Equal("Attended", status.GetProperty("appointment").GetProperty("status").GetString());
        await using var db = Factory.NewDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "RecordAppointmentOutcome" && e.ReferenceNumber == a.Reference && e.Details == "Attended"));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "ViewAppointments"));
    }

    [Fact]
    public async Task ErasingTheRequest_DeletesItsBookings_AndFreesTheSeat()
    {
        var a = await ApprovedViewAsync();
        var b = await ApprovedViewAsync();
        var slot = (await SlotsAsync(a))[0];
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("/api/status/appointment/book", a.At(slot))).StatusCode);

        await using (var db = Factory.NewDbContext())
        {
            var request = await Application.PersonalData.Erasure.WithEverything(db.FootageRequests).SingleAsync(r => r.Id == a.Request.Id);
            request.ErasePersonalData(StoredRequests.Officer, Factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await using var check = Factory.NewDbContext();
        Assert.Equal(0, await check.Appointments.CountAsync());
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("/api/status/appointment/book", b.At(slot))).StatusCode);
    }

    [Fact]
    public async Task TheCalendarFile_IsTheVisitInAsiaBangkok()
    {
        var a = await ApprovedViewAsync();
        var slot = (await SlotsAsync(a))[0];
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("/api/status/appointment/book", a.At(slot))).StatusCode);

        var file = await PostAsync("/api/status/appointment/calendar", a.Identity);
        Assert.Equal("text/calendar", file.Content.Headers.ContentType!.MediaType);
        var text = await file.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;
        var visit = Assert.Single(calendar.Events);
        Assert.Equal("Asia/Bangkok", visit.DtStart!.TzId);
        Assert.Equal(StartOf(slot).UtcDateTime, visit.DtStart.AsUtc);
        Assert.Equal(StartOf(slot).AddMinutes(30).UtcDateTime, visit.DtEnd!.AsUtc);
        Assert.Contains("BEGIN:VTIMEZONE", text);
        Assert.Contains(a.Reference, visit.Summary);
    }

    [Fact]
    public async Task TheContract_NamesTheOperations_AndTheStaffRulesCarryThePlacesLimits()
    {
        var document = await JsonAsync(await Client.GetAsync("/swagger/v1/swagger.json"));
        var paths = document.GetProperty("paths");
        Assert.Equal("ListAppointmentSlots", paths.GetProperty("/api/status/appointment/slots").GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("BookAppointment", paths.GetProperty("/api/status/appointment/book").GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("ListAppointments", paths.GetProperty("/api/staff/appointments").GetProperty("get").GetProperty("operationId").GetString());

        var officer = await SignedInAsync(StaffRoles.Officer);
        var rules = (await JsonAsync(await officer.GetAsync("/api/staff/form-settings"))).GetProperty("viewingPlace");
        Assert.Equal(ViewingPlace.SeatsMax, rules.GetProperty("seatsMax").GetInt32());
        Assert.Equal(30, rules.GetProperty("defaultSlotMinutes").GetInt32());
        Assert.Equal(14, rules.GetProperty("defaultDaysAhead").GetInt32());
    }
}
