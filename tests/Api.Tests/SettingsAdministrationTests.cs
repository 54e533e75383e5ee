using System.Net;
using System.Net.Http.Headers;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Api.Tests;

/// <summary>A host of its own: these tests change the organization's data, which other tests share.</summary>
public sealed class SettingsFactory : ApiFactory;

/// <summary>Administrators change stations, the profile and logo, the privacy notice and the reasons; citizens' answers follow.</summary>
public sealed class SettingsAdministrationTests(SettingsFactory factory) : IClassFixture<SettingsFactory>, IAsyncLifetime
{
    private SettingsFactory Factory { get; } = factory;
    private HttpClient Citizen { get; } = factory.CreateClient();

    public Task InitializeAsync() => Factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<StaffClient> AdminAsync() => await StaffClient.SignedInAsync(Factory, await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Admin));

    [Fact]
    public async Task ARenamedStation_IsWhatCitizensSee()
    {
        var admin = await AdminAsync();
        var renamed = await admin.SendAsync(HttpMethod.Put, "/api/staff/admin/stations/4",
            new { name = "โรงเรียนแก้ววิทยา (ปรับปรุงชื่อ)", nameEn = "Kaeo Witthaya School", district = "ห้างฉัตร", footageRetentionDays = 45, isActive = true, sortOrder = 4 });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var stations = await StaffClient.ReadAsync(await Citizen.GetAsync("/api/stations"));
        var school = stations.EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == 4);
        Assert.Equal("โรงเรียนแก้ววิทยา (ปรับปรุงชื่อ)", school.GetProperty("name").GetString());
        Assert.Equal(45, school.GetProperty("footageRetentionDays").GetInt32());

        var bad = await admin.SendAsync(HttpMethod.Put, "/api/staff/admin/stations/4", new { name = "", nameEn = "x", district = "x", footageRetentionDays = 0, isActive = true, sortOrder = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await StaffClient.ReadAsync(bad)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("name", fields);
        Assert.Contains("footageRetentionDays", fields);

        var added = await admin.PostAsync("/api/staff/admin/stations", new { name = "สถานีใหม่", nameEn = "New station", district = "เมือง", footageRetentionDays = 14, isActive = false, sortOrder = 9 });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.DoesNotContain((await StaffClient.ReadAsync(await Citizen.GetAsync("/api/stations"))).EnumerateArray(), s => s.GetProperty("name").GetString() == "สถานีใหม่");
    }

    [Fact]
    public async Task TheStationList_IsServedFromMemoryPerLanguage_UntilAnAdministratorChangesIt()
    {
        static async Task<string?> NameOf4(HttpClient client, string language)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, "/api/stations");
            message.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
            var stations = await StaffClient.ReadAsync(await client.SendAsync(message));
            return stations.EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == 4).GetProperty("name").GetString();
        }
        object original;
        await using (var connection = await Factory.OpenAsync())
        await using (var read = new Npgsql.NpgsqlCommand("SELECT name, name_en, district, footage_retention_days, is_active, sort_order FROM stations WHERE id = 4", connection))
        await using (var row = await read.ExecuteReaderAsync())
        {
            Assert.True(await row.ReadAsync());
            original = new { name = row.GetString(0), nameEn = row.GetString(1), district = row.GetString(2), footageRetentionDays = row.GetInt32(3), isActive = row.GetBoolean(4), sortOrder = row.GetInt32(5) };
        }
        var thai = await NameOf4(Citizen, "th");
        var english = await NameOf4(Citizen, "en");
        Assert.NotEqual(thai, english);

        // Behind the application's back: the cached answers stay as they were (nothing read the database).
        await using (var connection = await Factory.OpenAsync())
        await using (var sneak = new Npgsql.NpgsqlCommand("UPDATE stations SET name = 'แก้ในฐานข้อมูล', name_en = 'Changed in SQL' WHERE id = 4", connection))
        {
            Assert.Equal(1, await sneak.ExecuteNonQueryAsync());
        }
        Assert.Equal(thai, await NameOf4(Citizen, "th"));
        Assert.Equal(english, await NameOf4(Citizen, "en-US"));

        // Through the administration: every cached answer is dropped at once.
        var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Put, "/api/staff/admin/stations/4",
            new { name = "โรงเรียนแก้ววิทยา", nameEn = "Kaeo Witthaya School (renamed)", district = "ห้างฉัตร", footageRetentionDays = 30, isActive = true, sortOrder = 4 })).StatusCode);
        Assert.Equal("โรงเรียนแก้ววิทยา", await NameOf4(Citizen, "th"));
        Assert.Equal("Kaeo Witthaya School (renamed)", await NameOf4(Citizen, "en"));
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Put, "/api/staff/admin/stations/4", original)).StatusCode);
        Assert.Equal(thai, await NameOf4(Citizen, "th"));
    }

    [Fact]
    public async Task AChangeAnnouncedByAnotherNode_DropsThisNodesCopies()
    {
        static async Task<string?> NameOf4(HttpClient client)
        {
            var stations = await StaffClient.ReadAsync(await client.GetAsync("/api/stations"));
            return stations.EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == 4).GetProperty("name").GetString();
        }
        async Task SqlAsync(string sql)
        {
            await using var connection = await Factory.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
        var before = await NameOf4(Citizen);
        // Another node changes the station and announces it, as its ReferenceDataNotifier does after the commit.
        await SqlAsync("UPDATE stations SET name = 'เปลี่ยนที่อีกเครื่อง' WHERE id = 4");
        Assert.Equal(before, await NameOf4(Citizen));
        await SqlAsync("SELECT pg_notify('cctv_reference_data', 'another-node')");

        string? seen = null;
        for (var i = 0; i < 50 && seen != "เปลี่ยนที่อีกเครื่อง"; i++)
        {
            await Task.Delay(100);
            seen = await NameOf4(Citizen);
        }
        Assert.Equal("เปลี่ยนที่อีกเครื่อง", seen);

        await SqlAsync($"UPDATE stations SET name = '{before}' WHERE id = 4");
        await SqlAsync("SELECT pg_notify('cctv_reference_data', 'another-node')");
    }

    [Fact]
    public async Task ANewPrivacyNotice_IsWhatTheFormShows_AndTheNextRequestRecordsIt_WhileTheOldStaysReadable()
    {
        var admin = await AdminAsync();
        var version = "t-" + Guid.NewGuid().ToString("N")[..8];
        var published = await admin.PostAsync("/api/staff/admin/privacy-notices", new { version, text = "นโยบายฉบับใหม่ เก็บข้อมูลไม่เกิน 3 ปี", textEn = "The new notice: kept at most 3 years." });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));

        var settings = await StaffClient.ReadAsync(await Citizen.GetAsync("/api/form-settings"));
        Assert.Equal(version, settings.GetProperty("privacyNoticeVersion").GetString());
        var response = await Citizen.PostAsync("/api/requests", new SubmissionForm().Set("privacyNoticeVersion", version).ToContent());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using (var db = Factory.NewDbContext())
        {
            Assert.Equal(version, (await db.FootageRequests.SingleAsync()).PrivacyConsent.NoticeVersion);
        }
        var old = await StaffClient.ReadAsync(await Citizen.GetAsync("/api/privacy-notice?version=2569-1"));
        Assert.Equal("2569-1", old.GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/staff/admin/privacy-notices", new { version, text = "แก้", textEn = "edit" })).StatusCode);
        var versions = await StaffClient.ReadAsync(await admin.GetAsync("/api/staff/admin/privacy-notices"));
        Assert.Equal(version, versions[0].GetProperty("version").GetString());
        Assert.True(versions[0].GetProperty("current").GetBoolean());
    }

    [Fact]
    public async Task TheProfileAndLogo_AreWhatThePagesGet()
    {
        var admin = await AdminAsync();
        var current = await StaffClient.ReadAsync(await admin.GetAsync("/api/staff/admin/organization"));
        var profile = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(current.GetProperty("profile").GetRawText())!;
        profile["phone"] = "053-111222";
        profile["chiefExecutiveTitleTh"] = "นายกเทศมนตรีทดสอบ";
        // The instructions per purpose, in the shape the pages read: { view: { th, en }, copy: { th, en } }.
        var instructions = current.GetProperty("profile").GetProperty("approvedInstructions");
        Assert.Contains("แฟลชไดรฟ์", instructions.GetProperty("copy").GetProperty("th").GetString());
        profile["approvedInstructions"] = new
        {
            view = new { th = "โทรนัดวันเข้าดูภาพที่ 053-111222", en = "Call 053-111222 to arrange a viewing." },
            copy = new { th = instructions.GetProperty("copy").GetProperty("th").GetString(), en = (string?)null },
        };
        var missing = await admin.SendAsync(HttpMethod.Put, "/api/staff/admin/organization", profile);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await StaffClient.ReadAsync(missing)).GetProperty("errors").TryGetProperty("approvedInstructions.copy.en", out _));
        profile["approvedInstructions"] = new
        {
            view = new { th = "โทรนัดวันเข้าดูภาพที่ 053-111222", en = "Call 053-111222 to arrange a viewing." },
            copy = new { th = "นำแฟลชไดรฟ์มา", en = "Bring a USB flash drive." },
        };

        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Put, "/api/staff/admin/organization", profile)).StatusCode);
        using var logo = new HttpRequestMessage(HttpMethod.Put, "/api/staff/admin/organization/logo") { Content = new ByteArrayContent(SampleFiles.Signature()) };
        logo.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        logo.Headers.Add(StaffClient.CsrfHeader, admin.CsrfToken);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.SendAsync(logo)).StatusCode);

        var organization = (await StaffClient.ReadAsync(await Citizen.GetAsync("/api/form-settings"))).GetProperty("organization");
        Assert.Equal("053-111222", organization.GetProperty("phone").GetString());
        Assert.Equal("นายกเทศมนตรีทดสอบ", organization.GetProperty("signatureTitles").GetProperty("chiefExecutive").GetProperty("th").GetString());
        Assert.Equal("Call 053-111222 to arrange a viewing.", organization.GetProperty("approvedInstructions").GetProperty("view").GetProperty("en").GetString());
        Assert.Equal("นำแฟลชไดรฟ์มา", organization.GetProperty("approvedInstructions").GetProperty("copy").GetProperty("th").GetString());
        Assert.True(organization.GetProperty("hasLogo").GetBoolean());
        var png = await Citizen.GetAsync(organization.GetProperty("logoUrl").GetString()!);
        Assert.Equal(SampleFiles.Pixels(SampleFiles.Signature()), SampleFiles.Pixels(await png.Content.ReadAsByteArrayAsync()));

        using var notPng = new HttpRequestMessage(HttpMethod.Put, "/api/staff/admin/organization/logo") { Content = new ByteArrayContent(SampleFiles.Pdf()) };
        notPng.Headers.Add(StaffClient.CsrfHeader, admin.CsrfToken);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Http.SendAsync(notPng)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(HttpMethod.Delete, "/api/staff/admin/organization/logo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Citizen.GetAsync("/api/organization/logo")).StatusCode);
    }

    [Fact]
    public async Task ALogoCarryingAScriptAndAPage_IsStoredAsItsPixelsOnly()
    {
        var admin = await AdminAsync();
        var clean = SampleFiles.Signature(300, 120);
        var hostile = HostileFiles.PngWithScriptAndHtml(clean);
        using var upload = new HttpRequestMessage(HttpMethod.Put, "/api/staff/admin/organization/logo") { Content = new ByteArrayContent(hostile) };
        upload.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        upload.Headers.Add(StaffClient.CsrfHeader, admin.CsrfToken);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.SendAsync(upload)).StatusCode);

        var stored = await (await Citizen.GetAsync("/api/organization/logo")).Content.ReadAsByteArrayAsync();
        foreach (var trace in new[] { "tEXt", "<script>", "<html>" })
        {
            Assert.True(stored.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(trace)) < 0, $"the stored logo still holds {trace}");
        }
        Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(stored, stored.Length - 8, 4));
        Assert.Equal(SampleFiles.Pixels(clean), SampleFiles.Pixels(stored));
    }

    [Fact]
    public async Task CancellationReasons_AreData_ForTheCancelDialog()
    {
        var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/staff/admin/cancellation-reasons", new { code = "Duplicate", labelTh = "ยื่นซ้ำ", labelEn = "Filed twice", isActive = true, sortOrder = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Put, "/api/staff/admin/cancellation-reasons/Other", new { labelTh = "อื่นๆ", labelEn = "Other", isActive = false, sortOrder = 6 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/staff/admin/cancellation-reasons", new { code = "Duplicate", labelTh = "ซ้ำ", labelEn = "Dup" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.SendAsync(HttpMethod.Put, "/api/staff/admin/cancellation-reasons/Erased", new { labelTh = "x", labelEn = "x", isActive = true, sortOrder = 1 })).StatusCode);

        var offered = (await StaffClient.ReadAsync(await admin.GetAsync("/api/staff/cancellation-reasons"))).EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains("Duplicate", offered);
        Assert.DoesNotContain("Other", offered);
        Assert.DoesNotContain("Erased", offered);
        await using var db = Factory.NewDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "CreateCancellationReason" || e.Action == "UpdateCancellationReason"));
    }

    [Fact]
    public async Task Settings_AreForAdministratorsOnly()
    {
        var officer = await StaffClient.SignedInAsync(Factory, await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/staff/admin/organization")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync("/api/staff/admin/stations", new { name = "x" })).StatusCode);
    }
}
