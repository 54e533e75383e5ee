using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CctvRequests.Domain.Appointments;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Api.Tests;

/// <summary>
/// Times are instants and slots are Bangkok's (ADR 0019): the real API process started with <c>TZ=America/New_York</c>
/// answers exactly the slots Bangkok's calendar gives at that moment (worked out here, in this process's own zone).
/// </summary>
public class AppointmentTimeZoneTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task TheApiInNewYorksTimeZone_OffersTheSameBangkokSlots()
    {
        var token = StatusToken.NewToken();
        var nationalId = NationalIds.New();
        var realNow = DateTimeOffset.UtcNow;
        await using (var db = Factory.NewDbContext())
        {
            var station = await db.Stations.SingleAsync(s => s.Id == 3);
            db.FootageRequests.Add(new FootageRequestBuilder().AtStation(station).For(Purpose.View, null)
                .SubmittedAt(realNow.AddDays(-1)).IncidentOn(BangkokTime.DateOf(realNow).AddDays(-1))
                .WithApplicant(Applicant.Create("นาง", "เวลา", "ต่างเขต", IdentityDocument.Of(NationalId.Parse(nationalId)), 30, null, "ไทย", "2 ถนนทดสอบ", ThaiPhoneNumber.Parse("0812345678")))
                .WithStatusTokenHash(StatusToken.Hash(token)).InStatus(RequestStatus.Approved, realNow.AddHours(-1)).Build());
            await db.SaveChangesAsync();
        }

        var before = await ExpectedAsync(DateTimeOffset.UtcNow);
        var answered = await AskNewYorkAsync(new { token, nationalId });
        var after = await ExpectedAsync(DateTimeOffset.UtcNow);

        Assert.NotEmpty(answered);
        Assert.True(answered.SequenceEqual(before) || answered.SequenceEqual(after),
            $"New York's process answered {answered.Count} slots from {answered.FirstOrDefault():O}; Bangkok's calendar gives {before.Count} from {before.FirstOrDefault():O}");
        Assert.All(answered, s => Assert.InRange(BangkokTime.TimeOf(s), new TimeOnly(9, 0), new TimeOnly(15, 30)));
    }

    private async Task<List<DateTimeOffset>> ExpectedAsync(DateTimeOffset now)
    {
        await using var db = Factory.NewDbContext();
        var place = await db.ViewingPlaces.AsNoTracking().SingleAsync();
        var calendar = new AppointmentCalendar(await db.ClosedDays.AsNoTracking().ToListAsync());
        return calendar.Slots(place, now, null).ToList();
    }

    private async Task<List<DateTimeOffset>> AskNewYorkAsync(object identity)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "CctvRequests.Api.dll");
        var storage = Path.Combine(Path.GetTempPath(), "cctv-tz-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var env = start.Environment;
        env["TZ"] = "America/New_York";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        env["ConnectionStrings__Default"] = Factory.ConnectionString;
        env["Storage__Root"] = storage;
        env["App__PublicBaseUrl"] = ApiFactory.PublicBaseUrl;
        env["Retention__Enabled"] = "false";
        env["Storage__ReconcileEvery"] = "00:00:00";
        env["Delivery__ExpiryJob"] = "false";
        env["Appointments__ReminderJob"] = "false";
        env["Notifications__Outbox__Enabled"] = "false";
        env["RateLimiting__AppointmentCheck__PermitLimit"] = "1000";
        foreach (var (key, value) in TestKeys.Settings)
        {
            env[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        using var process = Process.Start(start)!;
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                try
                {
                    if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }
                Assert.False(process.HasExited, "the API exited: " + log);
                Assert.True(DateTime.UtcNow < deadline, "the API did not start: " + log);
                await Task.Delay(250);
            }
            var response = await client.PostAsJsonAsync("/api/status/appointment/slots", identity);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            return JsonDocument.Parse(body).RootElement.EnumerateArray()
                .Select(s => DateTimeOffset.Parse(s.GetProperty("startsAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            if (Directory.Exists(storage))
            {
                Directory.Delete(storage, recursive: true);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
