using System.Net;
using CctvRequests.Api.Hosting;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>Administrators manage accounts: create with a temporary password, change roles, disable, reset.</summary>
public class StaffUsersTests(ApiFactory factory) : StaffApiTest(factory)
{
    [Fact]
    public async Task ANewUser_GetsATemporaryPassword_ThatMustBeChanged()
    {
        var admin = await SignedInAsync(StaffRoles.Admin);

        var created = await admin.PostAsync("/api/staff/users", new { email = "new.officer@example.go.th", name = "ใหม่ ใจดี", role = "Officer" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await JsonAsync(created);
        var temporary = body.GetProperty("temporaryPassword").GetString()!;
        Assert.Equal(16, temporary.Length);
        Assert.True(body.GetProperty("user").GetProperty("mustChangePassword").GetBoolean());
        var session = await JsonAsync(await StaffClient.For(Factory).SignInAsync("new.officer@example.go.th", temporary));
        Assert.True(session.GetProperty("mustChangePassword").GetBoolean());
        await AssertProblemAsync(await admin.PostAsync("/api/staff/users", new { email = "new.officer@example.go.th", name = "ซ้ำ", role = "Officer" }), 400);
        await AssertProblemAsync(await admin.PostAsync("/api/staff/users", new { email = "x@example.go.th", name = "x", role = "Boss" }), 400);
    }

    [Fact]
    public async Task ARoleChange_AndADisable_TakeEffectAtOnce()
    {
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        var officerClient = await StaffClient.SignedInAsync(Factory, officer);
        var admin = await SignedInAsync(StaffRoles.Admin);

        var promoted = await admin.SendAsync(HttpMethod.Put, $"/api/staff/users/{officer.Id}/role", new { role = "Approver" });
        Assert.Equal("Approver", (await JsonAsync(promoted)).GetProperty("role").GetString());
        // A new role ends the session at once; signed in again, the session carries the new role.
        await AssertProblemAsync(await officerClient.GetAsync("/api/staff/requests"), 401);
        officerClient = await StaffClient.SignedInAsync(Factory, officer);
        Assert.Equal(["Approver"], (await JsonAsync(await officerClient.GetAsync("/api/staff/session"))).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        Assert.True((await JsonAsync(await admin.PostAsync($"/api/staff/users/{officer.Id}/disable"))).GetProperty("disabled").GetBoolean());
        await AssertProblemAsync(await officerClient.GetAsync("/api/staff/session"), 401);
        await AssertProblemAsync(await StaffClient.For(Factory).SignInAsync(officer.Email, officer.Password, officer.Code()), 401);

        await admin.PostAsync($"/api/staff/users/{officer.Id}/enable");
        var reset = await JsonAsync(await admin.PostAsync($"/api/staff/users/{officer.Id}/reset-password", new { resetTwoFactor = true }));
        var session = await JsonAsync(await StaffClient.For(Factory).SignInAsync(officer.Email, reset.GetProperty("temporaryPassword").GetString()!));
        Assert.True(session.GetProperty("mustChangePassword").GetBoolean());
    }

    [Fact]
    public async Task AnAdministrator_CannotDisableOrDemoteThemselves()
    {
        var admin = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Admin);
        var client = await StaffClient.SignedInAsync(Factory, admin);
        await AssertProblemAsync(await client.PostAsync($"/api/staff/users/{admin.Id}/disable"), 409);
        await AssertProblemAsync(await client.SendAsync(HttpMethod.Put, $"/api/staff/users/{admin.Id}/role", new { role = "Officer" }), 409);
    }

    [Fact]
    public async Task CreateAdmin_MakesAnAdministrator_WhoMustSetUpTwoStepVerification()
    {
        Environment.SetEnvironmentVariable(CreateAdminCommand.PasswordVariable, "the first administrator's passphrase");
        try
        {
            var exit = await CreateAdminCommand.RunAsync(Factory.Services, ["create-admin", "--email", "first.admin@example.go.th", "--name", "ผู้ดูแล คนแรก"]);
            Assert.Equal(0, exit);
            Assert.Equal(1, await CreateAdminCommand.RunAsync(Factory.Services, ["create-admin", "--email", "first.admin@example.go.th", "--name", "again"]));
            Assert.Equal(2, await CreateAdminCommand.RunAsync(Factory.Services, ["create-admin", "--name", "no e-mail"]));
        }
        finally
        {
            Environment.SetEnvironmentVariable(CreateAdminCommand.PasswordVariable, null);
        }
        var session = await JsonAsync(await StaffClient.For(Factory).SignInAsync("first.admin@example.go.th", "the first administrator's passphrase"));
        Assert.Equal(["Admin"], session.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(session.GetProperty("mustEnrollTwoFactor").GetBoolean());
        Assert.False(session.GetProperty("mustChangePassword").GetBoolean());
    }
}
