using System.Net;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>
/// A session ends on the server: after a sign-out, a password change, a disabled account or a new
/// role, a copy of the session's cookie is refused at once (ADR 0015).
/// </summary>
public class StaffSessionEndTests(ApiFactory factory) : StaffApiTest(factory)
{
    [Fact]
    public async Task SignOut_EndsTheSession_AndEveryCopyOfItsCookie()
    {
        var officer = await StaffClient.SignedInAsync(Factory, await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer));
        var reference = await FileAsync();
        var copy = officer.Copy(Factory);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/staff/requests")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await officer.SendAsync(HttpMethod.Delete, "/api/staff/session")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/staff/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.PostAsync($"/api/staff/requests/{reference}/notes", new { text = "after sign-out" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/staff/session")).StatusCode);
    }

    [Fact]
    public async Task APasswordChange_EndsTheCopies_AndTheChangerWorksOn()
    {
        var staff = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        var officer = await StaffClient.SignedInAsync(Factory, staff);
        var copy = officer.Copy(Factory);
        var other = await StaffClient.SignedInAsync(Factory, staff);

        var changed = await officer.PostAsync("/api/staff/session/password", new { currentPassword = staff.Password, newPassword = "the river bends twice before the old mill" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/staff/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/staff/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/staff/requests")).StatusCode);
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsSessionsAtOnce()
    {
        var admin = await SignedInAsync(StaffRoles.Admin);
        var staff = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        var officer = await StaffClient.SignedInAsync(Factory, staff);
        var copy = officer.Copy(Factory);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/staff/users/{staff.Id}/disable")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/staff/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/staff/requests")).StatusCode);
    }

    [Fact]
    public async Task ARoleChange_EndsTheSessionsAtOnce_SoADemotedApproverCannotApprove()
    {
        var admin = await SignedInAsync(StaffRoles.Admin);
        var officer = await SignedInAsync(StaffRoles.Officer);
        var staff = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Approver);
        var approver = await StaffClient.SignedInAsync(Factory, staff);
        var copy = approver.Copy(Factory);
        var reference = await FileAsync();
        var (_, etag) = await DetailAsync(officer, reference);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/staff/requests/{reference}/receive", new { }, etag)).StatusCode);
        var (_, received) = await DetailAsync(officer, reference);

        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Put, $"/api/staff/users/{staff.Id}/role", new { role = StaffRoles.Officer })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await approver.PostAsync($"/api/staff/requests/{reference}/approve", new { }, received)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.PostAsync($"/api/staff/requests/{reference}/approve", new { }, received)).StatusCode);
        var (detail, _) = await DetailAsync(officer, reference);
        Assert.Equal("Received", detail.GetProperty("status").GetString());
    }
}
