using CctvRequests.Domain.Common;
using System.Net;
using System.Text.Json;
using CctvRequests.Application.Files;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>The staff pages' rules come from the server, and are the ones the server applies.</summary>
public class GetStaffFormSettingsTests(ApiFactory factory) : StaffApiTest(factory)
{
    [Fact]
    public async Task AnySignedInStaffMember_GetsTheRules_ARestrictedSessionToo_ButNobodyElse()
    {
        await AssertProblemAsync(await StaffClient.For(Factory).GetAsync("/api/staff/form-settings"), 401);
        var admin = await SignedInAsync(StaffRoles.Admin);
        var created = await JsonAsync(await admin.PostAsync("/api/staff/users", new { email = "temp.officer@example.go.th", name = "ชั่วคราว ใจดี", role = "Officer" }));
        var restricted = StaffClient.For(Factory);
        await restricted.SignInAsync("temp.officer@example.go.th", created.GetProperty("temporaryPassword").GetString()!);

        var settings = await JsonAsync(await restricted.GetAsync("/api/staff/form-settings"));

        var lengths = settings.GetProperty("lengths");
        Assert.Equal(12, lengths.GetProperty("account.password").GetProperty("min").GetInt32());
        Assert.Equal(["Pending", "Received", "Approved", "Cancelled"], settings.GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        var pending = settings.GetProperty("statuses")[0];
        Assert.Equal("รออนุมัติ", pending.GetProperty("text").GetProperty("th").GetString());
        Assert.Equal("Pending approval", pending.GetProperty("text").GetProperty("en").GetString());
        Assert.True(pending.GetProperty("open").GetBoolean());
        Assert.Equal(StaffRoles.All, settings.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Contains(settings.GetProperty("organizationFields").EnumerateArray(), f => f.GetProperty("name").GetString() == "deputyTitleEn");
    }

    [Theory]
    [InlineData("note.text", "notes", "text")]
    [InlineData("preservation.note", "preservation", "note")]
    [InlineData("cancel.message", "cancel", "message")]
    public async Task ALengthTheSettingsGive_IsTheOneTheServerEnforces(string length, string path, string field)
    {
        var reference = await FileAsync();
        var officer = await SignedInAsync(StaffRoles.Officer);
        var max = (await JsonAsync(await officer.GetAsync("/api/staff/form-settings"))).GetProperty("lengths").GetProperty(length).GetProperty("max").GetInt32();
        object Body(int n) => new Dictionary<string, string> { [field] = new string('ก', n), ["reasonCode"] = "IncompleteData" };

        var (_, etag) = await DetailAsync(officer, reference);
        var tooLong = await officer.PostAsync($"/api/staff/requests/{reference}/{path}", Body(max + 1), etag);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await JsonAsync(tooLong)).GetProperty("errors").TryGetProperty(field, out _));

        var atMost = await officer.PostAsync($"/api/staff/requests/{reference}/{path}", Body(max), etag);
        Assert.True(atMost.IsSuccessStatusCode, $"{(int)atMost.StatusCode}: {await atMost.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task TheOnlineCopysLimits_AreTheServersConfiguration_AndTheClipSizeGiven_IsTheOneEnforced()
    {
        var reference = await FileAsync();
        var approver = await SignedInAsync(StaffRoles.Approver);
        foreach (var step in new[] { "receive", "approve" })
        {
            var (_, etag) = await DetailAsync(approver, reference);
            Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/api/staff/requests/{reference}/{step}", new { }, etag)).StatusCode);
        }
        var officer = await SignedInAsync(StaffRoles.Officer);

        var rules = (await JsonAsync(await officer.GetAsync("/api/staff/form-settings"))).GetProperty("onlineCopy");

        // The test host sets Delivery:ChunkBytes to 4096 (the shipped default is 8 MiB): the page gets the configured value.
        Assert.Equal(4096, rules.GetProperty("chunkBytes").GetInt32());
        Assert.Equal(20, rules.GetProperty("maxClips").GetInt32());
        Assert.Equal(60, rules.GetProperty("maxExpiryDays").GetInt32());
        Assert.Equal(ClipTypes.Accepted, rules.GetProperty("acceptedTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains(".dav", rules.GetProperty("acceptedExtensions").EnumerateArray().Select(t => t.GetString()));
        var copy = await JsonAsync(await officer.GetAsync($"/api/staff/requests/{reference}/clips"));
        // The server's today (its clock is shared with tests that move it on), not the test machine's.
        Assert.Equal(SubmissionForm.Iso(BangkokTime.Today(Factory.Clock).AddDays(rules.GetProperty("defaultExpiryDays").GetInt32())), copy.GetProperty("defaultExpiresOn").GetString());

        var max = rules.GetProperty("maxClipBytes").GetInt64();
        var tooBig = await officer.PostAsync($"/api/staff/requests/{reference}/clips/uploads", new { fileName = "cam1.mp4", sizeBytes = max + 1 });
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.True((await JsonAsync(tooBig)).GetProperty("errors").TryGetProperty("sizeBytes", out _));
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsync($"/api/staff/requests/{reference}/clips/uploads", new { fileName = "cam1.mp4", sizeBytes = max })).StatusCode);
    }

    [Fact]
    public async Task TheOrganizationFields_AreTheOnesTheAdminBodyHas()
    {
        var admin = await SignedInAsync(StaffRoles.Admin);
        var fields = (await JsonAsync(await admin.GetAsync("/api/staff/form-settings"))).GetProperty("organizationFields").EnumerateArray()
            .Select(f => f.GetProperty("path").GetString()!).Order(StringComparer.Ordinal).ToList();
        var profile = (await JsonAsync(await admin.GetAsync("/api/staff/admin/organization"))).GetProperty("profile");
        Assert.Equal(JsonValueKind.Object, profile.ValueKind);
        // Every leaf of the body the administrator sends, nested texts as their paths (approvedInstructions.view.th).
        static IEnumerable<string> Leaves(JsonElement e, string prefix) => e.ValueKind == JsonValueKind.Object
            ? e.EnumerateObject().SelectMany(p => Leaves(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}"))
            : [prefix];
        Assert.Equal(Leaves(profile, string.Empty).Order(StringComparer.Ordinal).ToList(), fields);
    }
}
