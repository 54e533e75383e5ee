using System.Net;
using System.Text.Json;
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
