using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Requests;
using CctvRequests.Infrastructure.Jobs;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>A host of its own: the journey moves its clock days ahead, which the shared host's other tests must not see.</summary>
public sealed class OnlineCopyWebFactory : WebFactory;

/// <summary>
/// The copy delivered online (SPEC decision 16) in the browser: an officer uploads two real clips (ffmpeg) on the
/// request page, in pieces, the second one continuing after a broken connection and a reload, and sends them; the
/// applicant on a phone types the ID on the status page, downloads both, and the bytes hash to what the officer's
/// page shows; a wrong ID is refused beside the field; after the last day the clips are gone and the page says so.
/// </summary>
public partial class OnlineCopyPagesTests(OnlineCopyWebFactory factory, BrowserFixture browser, ITestOutputHelper output) : WebTest(factory, browser), IClassFixture<OnlineCopyWebFactory>
{
    private const string ChooseClips = "เลือกไฟล์ภาพที่จะอัปโหลด";

    [GeneratedRegex(@"^bytes (\d+)-(\d+)/(\d+)$")]
    private static partial Regex ContentRange();

    [Fact]
    public async Task AnOfficerUploadsTwoClips_TheApplicantOnAPhoneDownloadsThemWithTheId_AndAfterTheLastDayTheyAreGone()
    {
        var form = new SubmissionForm();
        var (reference, statusUrl) = await StaffPages.FileAsync(Factory.BaseUrl, form);
        await StaffPages.DecideAsync(Factory, reference, approve: true);
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer, name: "สมชาย ส่งไฟล์");
        var folder = Directory.CreateTempSubdirectory("cctv-web-clips-");
        try
        {
            // Files on disk, as an officer's export is: choosing one again gives the same name, size and date.
            var mp4 = Path.Combine(folder.FullName, "cam3-1430.mp4");
            var mkv = Path.Combine(folder.FullName, "cam3-1445.mkv");
            await File.WriteAllBytesAsync(mp4, TestClips.Mp4);
            await File.WriteAllBytesAsync(mkv, TestClips.Mkv);
            Assert.NotEqual(TestClips.Mp4.Length, TestClips.Mkv.Length);

            var page = await OpenAsync("/staff/", Desktop);
            await StaffPages.SignInAsync(page, officer);
            var rules = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync(Factory.BaseUrl + "/api/staff/form-settings")).TextAsync()).RootElement;
            var chunk = rules.GetProperty("onlineCopy").GetProperty("chunkBytes").GetInt32();
            Assert.True(TestClips.Mkv.Length > 4 * chunk, "the clip must take several pieces");
            await page.GotoAsync($"{Factory.BaseUrl}/staff/requests/{reference}");
            var section = page.Locator("#online-copy");
            await Expect(section.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { Name = "อัปโหลดไฟล์ภาพ" })).ToBeVisibleAsync();
            await Expect(section).ToContainTextAsync("ไม่ต้องส่งโปรแกรมเล่นภาพ (.exe)");

            // The NVR's player program is refused by its content, in the server's words beside the file.
            var player = Path.Combine(folder.FullName, "NVRPlayer.exe");
            await File.WriteAllBytesAsync(player, TestClips.Program);
            await page.GetByLabel(ChooseClips, new PageGetByLabelOptions { Exact = true }).SetInputFilesAsync(player);
            var refused = page.Locator("#online-copy-uploads li", new PageLocatorOptions { HasText = "NVRPlayer.exe" });
            await Expect(refused.Locator(".field-error")).ToContainTextAsync("ไฟล์นี้เป็นโปรแกรม ไม่ใช่ไฟล์ภาพ");
            await refused.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "ยกเลิกการอัปโหลด NVRPlayer.exe" }).ClickAsync();
            await Expect(page.Locator("#online-copy-uploads")).ToHaveCountAsync(0);

            // The connection breaks after three pieces of the second clip: the page sends the piece again, and again...
            var broken = new TaskCompletionSource();
            await page.RouteAsync("**/api/staff/clip-uploads/*", async route =>
            {
                var range = ContentRange().Match(await route.Request.HeaderValueAsync("content-range") ?? string.Empty);
                if (route.Request.Method == "PUT" && range.Success && range.Groups[3].Value == $"{TestClips.Mkv.Length}" && long.Parse(range.Groups[1].Value) >= 3 * chunk)
                {
                    broken.TrySetResult();
                    await route.AbortAsync("connectionreset");
                }
                else
                {
                    await route.ContinueAsync();
                }
            });
            await page.GetByLabel(ChooseClips, new PageGetByLabelOptions { Exact = true }).SetInputFilesAsync(new[] { mp4, mkv });
            await broken.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await Expect(page.Locator("#online-copy-uploads")).ToContainTextAsync("กำลังส่งส่วนที่ค้างอีกครั้ง");

            // ...until the officer reloads the page: the first clip is in, the second waits to be chosen again.
            await page.ReloadAsync();
            await page.UnrouteAsync("**/api/staff/clip-uploads/*");
            await Expect(page.Locator("#online-copy-clips tbody tr")).ToHaveCountAsync(1);
            var unfinished = page.Locator("#online-copy-uploads li");
            await Expect(unfinished).ToContainTextAsync("cam3-1445.mkv");
            await Expect(unfinished).ToContainTextAsync("เลือกไฟล์นี้อีกครั้งเพื่ออัปโหลดต่อ");
            var violations = await AllViolationsAsync(page);
            Assert.True(violations.Count == 0, string.Join("; ", violations));

            var resumedAt = new TaskCompletionSource<string>();
            page.Request += async (_, request) =>
            {
                if (request.Method == "PUT" && request.Url.Contains("/api/staff/clip-uploads/", StringComparison.Ordinal))
                {
                    resumedAt.TrySetResult(await request.HeaderValueAsync("content-range") ?? string.Empty);
                }
            };
            await page.GetByLabel(ChooseClips, new PageGetByLabelOptions { Exact = true }).SetInputFilesAsync(mkv);
            Assert.Equal($"bytes {3 * chunk}-{(4 * chunk) - 1}/{TestClips.Mkv.Length}", await resumedAt.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            await Expect(page.Locator("#online-copy-clips tbody tr")).ToHaveCountAsync(2);
            await Expect(page.Locator("#online-copy-uploads")).ToHaveCountAsync(0);

            // The page shows the server's SHA-256 of each clip: the hashes of the bytes chosen.
            var shown = (await page.Locator("#online-copy-clips tbody tr").EvaluateAllAsync<string[][]>(
                    "rows => rows.map(r => [r.querySelector('th').textContent.trim(), r.querySelector('code').textContent.trim()])"))
                .ToDictionary(r => r[0], r => r[1]);
            Assert.Equal(Sha256(TestClips.Mp4), shown["cam3-1430.mp4"]);
            Assert.Equal(Sha256(TestClips.Mkv), shown["cam3-1445.mkv"]);
            await ScreenshotAsync(section, "staff-online-copy-1280.png");

            // Sent with a last day three days ahead (the default is the server's).
            var lastDay = TestClock.Today.AddDays(3);
            var expiry = page.GetByLabel("วันสุดท้ายที่ดาวน์โหลดได้", new PageGetByLabelOptions { Exact = true });
            await Expect(expiry).ToHaveValueAsync(BuddhistDate(TestClock.Today.AddDays(rules.GetProperty("onlineCopy").GetProperty("defaultExpiryDays").GetInt32())));
            await expiry.FillAsync(BuddhistDate(lastDay));
            await StaffPages.Button(page, "ส่งให้ผู้ยื่นคำร้อง").ClickAsync();
            await Expect(section.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { Name = "ไฟล์ภาพที่ส่งทางออนไลน์" })).ToBeVisibleAsync();
            await Expect(page.Locator("#publish-status")).ToContainTextAsync("ส่งให้ผู้ยื่นคำร้องแล้ว");
            await Expect(page.Locator("#online-copy-state")).ToHaveTextAsync("เปิดให้ดาวน์โหลด");
            await Expect(page.Locator("#online-copy-downloads")).ToContainTextAsync("ยังไม่มีการดาวน์โหลด");
            await Expect(page.Locator("#handover-list")).ToContainTextAsync("ดาวน์โหลดทางออนไลน์");
            Assert.Equal(0, await section.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { NameRegex = new Regex("^นำออก") }).CountAsync());

            // The applicant, on a phone, from the status link: a wrong ID is refused beside the field.
            var phone = await OpenAsync(statusUrl[Factory.BaseUrl.Length..], Phone);
            var clips = phone.Locator("#sp-clips");
            await Expect(clips.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { Name = "ดาวน์โหลดไฟล์ภาพ" })).ToBeVisibleAsync();
            await Expect(clips).ToContainTextAsync($"ดาวน์โหลดได้ถึงวันที่ {BuddhistDate(lastDay)}");
            var id = phone.GetByLabel("เลขบัตรประชาชนที่ใช้ยื่นคำร้องนี้", new PageGetByLabelOptions { Exact = true });
            await id.FillAsync(NationalIds.New());
            await StaffPages.Button(phone, "แสดงไฟล์ภาพ").ClickAsync();
            await Expect(phone.Locator("#clips-id-error")).ToHaveTextAsync("เลขที่กรอกไม่ตรงกับเลขที่ใช้ยื่นคำร้องนี้ กรุณาตรวจสอบแล้วลองใหม่");
            await Expect(id).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(phone.Locator("#sp-clips-list")).ToBeHiddenAsync();
            violations = await AllViolationsAsync(phone);
            Assert.True(violations.Count == 0, string.Join("; ", violations));

            await id.FillAsync(form.NationalId);
            await StaffPages.Button(phone, "แสดงไฟล์ภาพ").ClickAsync();
            await Expect(phone.Locator("#sp-clip-items li")).ToHaveCountAsync(2);
            await Expect(clips).ToContainTextAsync("certutil -hashfile");
            await Expect(clips).ToContainTextAsync("shasum -a 256");
            Assert.False(await HasHorizontalScrollAsync(phone));
            violations = await AllViolationsAsync(phone);
            Assert.True(violations.Count == 0, string.Join("; ", violations));
            await ScreenshotAsync(clips, "status-clips-360.png");

            // Each download's bytes hash to what the officer's page showed; no address holds a secret.
            foreach (var (name, sha) in shown)
            {
                await Expect(clips).ToContainTextAsync(sha);
                var link = phone.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = $"ดาวน์โหลด {name}", Exact = true });
                Assert.Matches("^/api/status/clips/[0-9a-f-]{36}$", await link.GetAttributeAsync("href"));
                var download = await phone.RunAndWaitForDownloadAsync(() => link.ClickAsync());
                Assert.Equal(name, download.SuggestedFilename);
                var downloaded = Sha256(await File.ReadAllBytesAsync((await download.PathAsync())!));
                Assert.Equal(sha, downloaded);
                output.WriteLine($"{name}: the officer's page {sha}, the phone's download {downloaded}");
            }
            await page.ReloadAsync();
            await Expect(page.Locator("#online-copy-downloads tbody tr")).ToHaveCountAsync(2);

            // Ten wrong numbers in a day lock the downloads, on the status page too, until the officer opens them again.
            using (var client = new HttpClient { BaseAddress = new Uri(Factory.BaseUrl) })
            {
                var token = statusUrl.Split("#t=")[1];
                HttpStatusCode answer;
                var tries = 0;
                do
                {
                    answer = (await client.PostAsJsonAsync("/api/status/clips", new { token, nationalId = NationalIds.New() })).StatusCode;
                }
                while (answer != HttpStatusCode.Locked && ++tries < 10);
                Assert.Equal(HttpStatusCode.Locked, answer);
            }
            await phone.ReloadAsync();
            await Expect(phone.Locator("#sp-clips-problem")).ToContainTextAsync("การดาวน์โหลดถูกระงับ");
            await Expect(phone.Locator("#clips-form")).ToBeHiddenAsync();
            await page.ReloadAsync();
            await Expect(page.Locator("#online-copy-state")).ToContainTextAsync("ระงับการดาวน์โหลด");
            violations = [.. await AllViolationsAsync(page), .. await AllViolationsAsync(phone)];
            Assert.True(violations.Count == 0, string.Join("; ", violations));
            await StaffPages.Button(page, "เปิดให้ดาวน์โหลดอีกครั้ง").ClickAsync();
            await Expect(page.Locator("#online-copy-state")).ToHaveTextAsync("เปิดให้ดาวน์โหลด");
            await phone.ReloadAsync();
            await Expect(phone.Locator("#clips-form")).ToBeVisibleAsync();

            // After the last day: the clips are gone from the store, and the status page says so, with whom to call.
            List<string> keys;
            await using (var db = Factory.NewDbContext())
            {
                keys = await db.Set<DeliveredClip>().Select(c => c.StorageKey!).ToListAsync();
            }
            Assert.Equal(2, keys.Count);
            Assert.All(keys, key => Assert.Contains(Factory.StoredFiles(), f => f.EndsWith(key, StringComparison.Ordinal)));
            Factory.Clock.Advance(TimeSpan.FromDays(4));
            Assert.Equal((1, 2), await Factory.Services.GetRequiredService<OnlineCopyExpiry>().RunAsync(CancellationToken.None));
            Assert.All(keys, key => Assert.DoesNotContain(Factory.StoredFiles(), f => f.EndsWith(key, StringComparison.Ordinal)));
            await phone.ReloadAsync();
            await Expect(clips).ToContainTextAsync("หมดระยะเวลาดาวน์โหลดแล้ว");
            await Expect(clips.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "โทร. 054-237600 ต่อ 5060" })).ToHaveAttributeAsync("href", "tel:+6654237600,5060");
            await Expect(phone.Locator("#clips-form")).ToBeHiddenAsync();
            await Expect(phone.Locator("#sp-clip-items li")).ToHaveCountAsync(0);
            violations = await AllViolationsAsync(phone);
            Assert.True(violations.Count == 0, string.Join("; ", violations));

            // The only errors the browser saw: the program refused (415), the broken connection made on purpose, the wrong ID (400).
            Assert.True(ConsoleErrors.All(e => new[] { "status of 415", "ERR_CONNECTION_RESET", "status of 400" }.Any(x => e.Contains(x, StringComparison.Ordinal))),
                string.Join("\n", ConsoleErrors));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
