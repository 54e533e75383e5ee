using System.Net;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>Who may do what: anonymous 401, the wrong role 403, and no change without the anti-forgery header.</summary>
public class StaffAuthorizationTests(ApiFactory factory) : StaffApiTest(factory)
{
    [Theory]
    [InlineData("GET", "/api/staff/requests")]
    [InlineData("GET", "/api/staff/requests/CCTV-2569-000001")]
    [InlineData("POST", "/api/staff/requests/CCTV-2569-000001/receive")]
    [InlineData("POST", "/api/staff/requests/CCTV-2569-000001/notes")]
    [InlineData("GET", "/api/staff/users")]
    [InlineData("GET", "/api/staff/audit")]
    [InlineData("GET", "/api/staff/session")]
    public async Task Anonymous_Gets401ProblemJson(string method, string path)
    {
        var response = await StaffClient.For(Factory).SendAsync(new HttpMethod(method), path, method == "POST" ? new { } : null);
        await AssertProblemAsync(response, 401);
    }

    public static TheoryData<string, string, string, int> Matrix() => new()
    {
        // role, method, path (use {ref} for a received request), status
        { StaffRoles.Officer, "GET", "/api/staff/requests", 200 },
        { StaffRoles.Officer, "POST", "/api/staff/requests/{ref}/approve", 403 },
        { StaffRoles.Officer, "GET", "/api/staff/users", 403 },
        { StaffRoles.Officer, "GET", "/api/staff/audit", 403 },
        { StaffRoles.Approver, "POST", "/api/staff/requests/{ref}/approve", 200 },
        { StaffRoles.Approver, "GET", "/api/staff/users", 403 },
        { StaffRoles.Approver, "GET", "/api/staff/audit", 403 },
        { StaffRoles.Admin, "POST", "/api/staff/requests/{ref}/approve", 200 },
        { StaffRoles.Admin, "GET", "/api/staff/users", 200 },
        { StaffRoles.Admin, "GET", "/api/staff/audit", 200 },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachRole_MayDoWhatItsRoleAllows(string role, string method, string path, int status)
    {
        var reference = await FileAsync();
        var officer = await SignedInAsync(StaffRoles.Officer);
        var (_, etag) = await DetailAsync(officer, reference);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/staff/requests/{reference}/receive", new { }, etag)).StatusCode);

        var client = await SignedInAsync(role);
        var (_, received) = await DetailAsync(client, reference);
        var response = await client.SendAsync(new HttpMethod(method), path.Replace("{ref}", reference), method == "POST" ? new { } : null, received);

        Assert.Equal(status, (int)response.StatusCode);
        if (status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task AChange_WithoutOrWithAWrongCsrfHeader_Is403_AndChangesNothing()
    {
        var reference = await FileAsync();
        var officer = await SignedInAsync(StaffRoles.Officer);
        var (_, etag) = await DetailAsync(officer, reference);

        await AssertProblemAsync(await officer.PostAsync($"/api/staff/requests/{reference}/receive", new { }, etag, csrf: false), 403);
        var token = officer.CsrfToken;
        officer.CsrfToken = "not-the-token";
        await AssertProblemAsync(await officer.PostAsync($"/api/staff/requests/{reference}/receive", new { }, etag), 403);
        officer.CsrfToken = token;

        var (after, _) = await DetailAsync(officer, reference);
        Assert.Equal("Pending", after.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/staff/requests/{reference}/receive", new { }, etag)).StatusCode);
    }

    [Fact]
    public async Task ATemporaryPassword_AllowsOnlyTheAccountCalls_UntilItIsChanged()
    {
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer, mustChangePassword: true);
        var client = StaffClient.For(Factory);
        var session = await JsonAsync(await client.SignInAsync(officer.Email, officer.Password, officer.Code()));
        Assert.True(session.GetProperty("mustChangePassword").GetBoolean());
        await AssertProblemAsync(await client.GetAsync("/api/staff/requests"), 403);

        var tooShort = await client.PostAsync("/api/staff/session/password", new { currentPassword = officer.Password, newPassword = "short" });
        await AssertProblemAsync(tooShort, 400);
        Assert.True((await JsonAsync(tooShort)).GetProperty("errors").TryGetProperty("newPassword", out _));
        var changed = await client.PostAsync("/api/staff/session/password", new { currentPassword = officer.Password, newPassword = "a new passphrase for the office" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.False((await JsonAsync(changed)).GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/staff/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await StaffClient.For(Factory).SignInAsync(officer.Email, "a new passphrase for the office", officer.Code())).StatusCode);
    }
}
