using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CctvRequests.Application.Staff;
using CctvRequests.Infrastructure.Files;
using CctvRequests.Infrastructure.Jobs;
using CctvRequests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Api.Tests;

/// <summary>
/// The copy delivered online (SPEC decision 16): officers upload real clips (ffmpeg), in one body or resumable in
/// pieces; programs, archives and malware are refused; published, the applicant opens the downloads with the
/// token and the ID again, downloads byte for byte (and resumes with a range); every download is recorded; wrong
/// numbers lock; after the last day the clips are gone from the store.
/// </summary>
public class OnlineCopyTests(ApiFactory factory) : StaffApiTest(factory)
{
    private async Task<(string Reference, string Token, string NationalId, StaffClient Officer)> ApprovedCopyAsync(string purpose = "Copy")
    {
        var form = new SubmissionForm().Set("purpose", purpose);
        var submitted = await SubmitOkAsync(form);
        var reference = submitted.GetProperty("referenceNumber").GetString()!;
        var token = submitted.GetProperty("statusUrl").GetString()!.Split("#t=")[1];
        var approver = await SignedInAsync(StaffRoles.Approver);
        var (_, etag) = await DetailAsync(approver, reference);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/api/staff/requests/{reference}/receive", new { }, etag)).StatusCode);
        (_, etag) = await DetailAsync(approver, reference);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/api/staff/requests/{reference}/approve", new { }, etag)).StatusCode);
        return (reference, token, form.NationalId, await SignedInAsync(StaffRoles.Officer));
    }

    private static async Task<HttpResponseMessage> UploadAsync(StaffClient officer, string reference, byte[] bytes, string fileName)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/requests/{reference}/clips");
        var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName } };
        message.Content = content;
        message.Headers.Add(StaffClient.CsrfHeader, officer.CsrfToken);
        return await officer.Http.SendAsync(message);
    }

    private HttpClient Citizen()
    {
        // The download session is a __Host- cookie: only over HTTPS.
        return Factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(new CookieContainer()));
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task RealClips_AreTakenByTheirContent_WithTheServersSha256_AndProgramsArchivesAndMalwareAreRefused()
    {
        var (reference, _, _, officer) = await ApprovedCopyAsync();

        var mp4 = await UploadAsync(officer, reference, TestClips.Mp4, "cam1-0900.mp4");
        var mkv = await UploadAsync(officer, reference, TestClips.Mkv, "cam1-0910.bin");

        Assert.Equal(HttpStatusCode.Created, mp4.StatusCode);
        var clip = await JsonAsync(mp4);
        Assert.Equal("cam1-0900.mp4", clip.GetProperty("fileName").GetString());
        Assert.Equal(TestClips.Mp4.Length, clip.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(Sha256(TestClips.Mp4), clip.GetProperty("sha256").GetString());
        Assert.Equal(HttpStatusCode.Created, mkv.StatusCode);

        var program = await UploadAsync(officer, reference, TestClips.Program, "player.mp4");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, program.StatusCode);
        Assert.Contains("โปรแกรม", (await JsonAsync(program)).GetProperty("errors").GetProperty("file")[0].GetString());
        var zip = await UploadAsync(officer, reference, TestClips.Zip(), "export.mp4");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, zip.StatusCode);
        Assert.Contains("บีบอัด", (await JsonAsync(zip)).GetProperty("errors").GetProperty("file")[0].GetString());
        var infected = await UploadAsync(officer, reference, TestClips.Mp4WithEicar, "cam2.mp4");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, infected.StatusCode);

        var copy = await JsonAsync(await officer.GetAsync($"/api/staff/requests/{reference}/clips"));
        Assert.Equal(2, copy.GetProperty("clips").GetArrayLength());
        var check = await Factory.Services.CreateScope().ServiceProvider.GetRequiredService<StorageReconciler>().CheckAsync(CancellationToken.None);
        Assert.Equal(0, check.Unreferenced);
        Assert.Equal(0, check.Missing);
    }

    [Fact]
    public async Task ClipsAreOnlyForAnApprovedCopy()
    {
        var (view, _, _, officer) = await ApprovedCopyAsync("View");
        Assert.Equal(HttpStatusCode.Conflict, (await UploadAsync(officer, view, TestClips.Mp4, "a.mp4")).StatusCode);
        var pending = await FileAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await UploadAsync(officer, pending, TestClips.Mp4, "a.mp4")).StatusCode);
        Assert.Equal(0, Factory.StoredFiles().Count(f => f.EndsWith(".mp4", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AResumableUpload_InterruptedAt60Percent_ContinuesWhereItStopped_AndGivesOneClipWithTheRightHash()
    {
        var (reference, _, _, officer) = await ApprovedCopyAsync();
        var bytes = TestClips.Mkv;
        var start = await JsonAsync(await officer.PostAsync($"/api/staff/requests/{reference}/clips/uploads", new { fileName = "cam3.mkv", sizeBytes = bytes.Length }));
        var url = start.GetProperty("url").GetString()!;
        var chunk = start.GetProperty("chunkBytes").GetInt32();
        Assert.True(bytes.Length > 3 * chunk, "the test clip must take several pieces");

        async Task<HttpResponseMessage> PieceAsync(long from, long to)
        {
            using var message = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(bytes[(int)from..(int)(to + 1)]) };
            message.Content.Headers.ContentRange = new ContentRangeHeaderValue(from, to, bytes.Length);
            message.Headers.Add(StaffClient.CsrfHeader, officer.CsrfToken);
            return await officer.Http.SendAsync(message);
        }

        var sixty = bytes.Length * 6 / 10;
        long sent = 0;
        while (sent < sixty)
        {
            var to = Math.Min(sent + chunk, sixty) - 1;
            var answer = await PieceAsync(sent, to);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            sent = (await JsonAsync(answer)).GetProperty("receivedBytes").GetInt64();
        }
        // The page reloads, asks where the upload stands, and goes on from there.
        var status = await JsonAsync(await officer.GetAsync(url));
        Assert.Equal(sixty, status.GetProperty("receivedBytes").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, (await PieceAsync(0, chunk - 1)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, (await PieceAsync(sixty, sixty + 3 * chunk - 1)).StatusCode);
        HttpResponseMessage last = null!;
        while (sent < bytes.Length)
        {
            last = await PieceAsync(sent, Math.Min(sent + chunk, bytes.Length) - 1);
            sent = (await JsonAsync(last)).GetProperty("receivedBytes").GetInt64();
        }

        Assert.Equal(HttpStatusCode.Created, last.StatusCode);
        var clip = (await JsonAsync(last)).GetProperty("clip");
        Assert.Equal(Sha256(bytes), clip.GetProperty("sha256").GetString());
        Assert.Equal(bytes.Length, clip.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(url)).StatusCode);
        var copy = await JsonAsync(await officer.GetAsync($"/api/staff/requests/{reference}/clips"));
        Assert.Single(copy.GetProperty("clips").EnumerateArray());
    }

    [Fact]
    public async Task TheApplicant_WithTheTokenAndTheId_DownloadsEachClipByteForByte_ResumesWithARange_AndEveryDownloadIsRecorded()
    {
        var (reference, token, nationalId, officer) = await ApprovedCopyAsync();
        await UploadAsync(officer, reference, TestClips.Mp4, "cam1.mp4");
        await UploadAsync(officer, reference, TestClips.Mkv, "cam2.mkv");
        var published = await officer.PostAsync($"/api/staff/requests/{reference}/clips/publish", new { });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var expiresOn = (await JsonAsync(published)).GetProperty("expiresOn").GetString();
        Assert.Equal(SubmissionForm.Iso(SubmissionForm.TodayInBangkok.AddDays(14)), expiresOn);
        var citizen = Citizen();

        // The token alone (a photo of the QR code) opens nothing.
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.GetAsync($"/api/status/clips/{Guid.NewGuid()}")).StatusCode);
        var wrong = await citizen.PostAsJsonAsync("/api/status/clips", new { token, nationalId = NationalIds.New() });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await JsonAsync(wrong)).GetProperty("errors").TryGetProperty("nationalId", out _));
        var opened = await citizen.PostAsJsonAsync("/api/status/clips", new { token, nationalId });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains(opened.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-cctv-clips=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var clips = (await JsonAsync(opened)).EnumerateArray().ToList();
        Assert.Equal(["cam1.mp4", "cam2.mkv"], clips.Select(c => c.GetProperty("fileName").GetString()));

        var first = await citizen.GetAsync(clips[0].GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(TestClips.Mp4, await first.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", first.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("bytes", first.Headers.AcceptRanges.Single());
        Assert.True(first.Headers.CacheControl?.NoStore);
        Assert.Equal(clips[0].GetProperty("sha256").GetString(), Sha256(TestClips.Mp4));

        const int resumeAt = 1000;
        using var ranged = new HttpRequestMessage(HttpMethod.Get, clips[1].GetProperty("url").GetString());
        ranged.Headers.Range = new RangeHeaderValue(resumeAt, null);
        var rest = await citizen.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, rest.StatusCode);
        Assert.Equal(TestClips.Mkv[resumeAt..], await rest.Content.ReadAsByteArrayAsync());
        Assert.Equal(Sha256(TestClips.Mkv), Sha256([.. TestClips.Mkv[..resumeAt], .. await rest.Content.ReadAsByteArrayAsync()]));

        var copy = await JsonAsync(await officer.GetAsync($"/api/staff/requests/{reference}/clips"));
        var downloads = copy.GetProperty("downloads").EnumerateArray().ToList();
        Assert.Equal(2, downloads.Count);
        Assert.Equal(TestClips.Mp4.Length, downloads[0].GetProperty("bytesSent").GetInt64());
        Assert.Equal(resumeAt, downloads[1].GetProperty("rangeStart").GetInt64());
        await using var db = Factory.NewDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "DownloadClip" && e.ReferenceNumber == reference));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "OpenClipDownloads" && e.ReferenceNumber == reference));
        var handOver = (await DetailAsync(officer, reference)).Body.GetProperty("handOvers").EnumerateArray().Single();
        Assert.Equal("ดาวน์โหลดทางออนไลน์", handOver.GetProperty("medium").GetString());
    }

    [Fact]
    public async Task TenWrongNumbersInADay_LockTheDownloads_UntilAnOfficerOpensThem()
    {
        var (reference, token, nationalId, officer) = await ApprovedCopyAsync();
        await UploadAsync(officer, reference, TestClips.Mp4, "cam1.mp4");
        await officer.PostAsync($"/api/staff/requests/{reference}/clips/publish", new { });
        var citizen = Citizen();

        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await citizen.PostAsJsonAsync("/api/status/clips", new { token, nationalId = NationalIds.New() })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Locked, (await citizen.PostAsJsonAsync("/api/status/clips", new { token, nationalId = NationalIds.New() })).StatusCode);
        Assert.Equal(HttpStatusCode.Locked, (await citizen.PostAsJsonAsync("/api/status/clips", new { token, nationalId })).StatusCode);
        var status = await JsonAsync(await Client.PostAsJsonAsync("/api/status/token", new { token }));
        Assert.True(status.GetProperty("onlineCopy").GetProperty("locked").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/staff/requests/{reference}/clips/reopen")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await citizen.PostAsJsonAsync("/api/status/clips", new { token, nationalId })).StatusCode);
    }

    [Fact]
    public async Task AfterTheLastDay_TheClipsAreGoneFromTheStore_AndThePageSaysThePeriodEnded()
    {
        var (reference, token, nationalId, officer) = await ApprovedCopyAsync();
        await UploadAsync(officer, reference, TestClips.Mp4, "cam1.mp4");
        var expiresOn = SubmissionForm.TodayInBangkok.AddDays(3);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/staff/requests/{reference}/clips/publish", new { expiresOn = SubmissionForm.Iso(expiresOn) })).StatusCode);
        var citizen = Citizen();
        var url = (await JsonAsync(await citizen.PostAsJsonAsync("/api/status/clips", new { token, nationalId }))).EnumerateArray().Single().GetProperty("url").GetString();
        string key;
        await using (var db = Factory.NewDbContext())
        {
            key = (await db.Set<Domain.Requests.DeliveredClip>().Where(c => c.StorageKey != null).SingleAsync()).StorageKey!;
        }
        Assert.Contains(Factory.StoredFiles(), f => f.EndsWith(key, StringComparison.Ordinal));

        Factory.Clock.Advance(TimeSpan.FromDays(4));
        var (copies, deleted) = await Factory.Services.GetRequiredService<OnlineCopyExpiry>().RunAsync(CancellationToken.None);

        Assert.Equal((1, 1), (copies, deleted));
        Assert.DoesNotContain(Factory.StoredFiles(), f => f.EndsWith(key, StringComparison.Ordinal));
        // Days later the session is long over too; either way nothing of the clip can be had.
        Assert.Contains((await citizen.GetAsync(url)).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.NotFound });
        var gone = await citizen.PostAsJsonAsync("/api/status/clips", new { token, nationalId });
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("054-237600", (await JsonAsync(gone)).GetProperty("detail").GetString());
        var status = await JsonAsync(await Client.PostAsJsonAsync("/api/status/token", new { token }));
        Assert.True(status.GetProperty("onlineCopy").GetProperty("ended").GetBoolean());
        // The record of what left stays: names, sizes and hashes in the hand-over (a new day, a new session).
        officer = await SignedInAsync(StaffRoles.Officer);
        var copy = await JsonAsync(await officer.GetAsync($"/api/staff/requests/{reference}/clips"));
        Assert.False(copy.GetProperty("clips")[0].GetProperty("stored").GetBoolean());
        Assert.Equal("Expired", copy.GetProperty("endedBecause").GetString());
    }
}
