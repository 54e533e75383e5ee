using System.Net;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using OtpNet;

namespace CctvRequests.Api.Tests;

/// <summary>Every role signs in with a second factor: an authenticator app (TOTP, each code once, one step of drift) or recovery codes.</summary>
public class StaffTwoFactorTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task AnApproverWithAnAuthenticator_NeedsTheCode()
    {
        var approver = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Approver);

        var withoutCode = await StaffClient.For(Factory).SignInAsync(approver.Email, approver.Password);
        await AssertProblemAsync(withoutCode, 401);
        Assert.True((await JsonAsync(withoutCode)).GetProperty("twoFactorRequired").GetBoolean());

        await AssertProblemAsync(await StaffClient.For(Factory).SignInAsync(approver.Email, approver.Password, "000000"), 401);
        var client = StaffClient.For(Factory);
        var withCode = await client.SignInAsync(approver.Email, approver.Password, approver.Code());
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        Assert.False((await JsonAsync(withCode)).GetProperty("mustEnrollTwoFactor").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/staff/requests")).StatusCode);
    }

    [Fact]
    public async Task WrongCodes_CountTowardsTheLockout()
    {
        var approver = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Approver);
        for (var i = 0; i < 5; i++)
        {
            await AssertProblemAsync(await StaffClient.For(Factory).SignInAsync(approver.Email, approver.Password, "12345" + i), 401);
        }
        await AssertProblemAsync(await StaffClient.For(Factory).SignInAsync(approver.Email, approver.Password, approver.Code()), 401);
    }

    [Fact]
    public async Task AnApproverWithoutAnAuthenticator_GetsARestrictedSession_UntilEnrolled_ThenNeedsCodes()
    {
        var approver = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Approver, twoFactor: false);
        var client = StaffClient.For(Factory);
        var first = await JsonAsync(await client.SignInAsync(approver.Email, approver.Password));
        Assert.True(first.GetProperty("mustEnrollTwoFactor").GetBoolean());
        await AssertProblemAsync(await client.GetAsync("/api/staff/requests"), 403);

        var setup = await JsonAsync(await client.PostAsync("/api/staff/session/two-factor/setup"));
        var key = setup.GetProperty("key").GetString()!;
        Assert.StartsWith("otpauth://totp/", setup.GetProperty("uri").GetString());
        Assert.Contains($"secret={key}", setup.GetProperty("uri").GetString());
        Assert.Equal(QrCodes.Decode(Convert.FromBase64String(setup.GetProperty("qrCodePng").GetString()!)), setup.GetProperty("uri").GetString());

        var wrong = await client.PostAsync("/api/staff/session/two-factor", new { code = "000000" });
        await AssertProblemAsync(wrong, 400);
        var enabled = await client.PostAsync("/api/staff/session/two-factor", new { code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(Factory.Clock.GetUtcNow().UtcDateTime) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var body = await JsonAsync(enabled);
        var recovery = body.GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, recovery.Count);
        Assert.False(body.GetProperty("session").GetProperty("mustEnrollTwoFactor").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/staff/requests")).StatusCode);

        // From now on: the code, or a recovery code (once).
        await AssertProblemAsync(await StaffClient.For(Factory).SignInAsync(approver.Email, approver.Password), 401);
        Assert.Equal(HttpStatusCode.OK, (await StaffClient.For(Factory).SignInAsync(approver.Email, approver.Password, recovery[0])).StatusCode);
        await AssertProblemAsync(await StaffClient.For(Factory).SignInAsync(approver.Email, approver.Password, recovery[0]), 401);
    }

    [Theory]
    [InlineData(StaffRoles.Officer)]
    [InlineData(StaffRoles.Approver)]
    [InlineData(StaffRoles.Admin)]
    public async Task EveryRole_WithoutAnAuthenticator_GetsOnlyARestrictedSession(string role)
    {
        var staff = await TestStaffAccounts.CreateAsync(Factory, role, twoFactor: false);
        var client = StaffClient.For(Factory);
        var session = await JsonAsync(await client.SignInAsync(staff.Email, staff.Password));
        Assert.True(session.GetProperty("mustEnrollTwoFactor").GetBoolean());
        await AssertProblemAsync(await client.GetAsync("/api/staff/requests"), 403);
    }

    [Fact]
    public async Task ACode_IsAcceptedOnce()
    {
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        officer.MoveToMidStep();
        var code = officer.CodeAt(0);
        Assert.Equal(HttpStatusCode.OK, (await StaffClient.For(Factory).SignInAsync(officer.Email, officer.Password, code)).StatusCode);
        for (var i = 0; i < 3; i++)
        {
            await AssertProblemAsync(await StaffClient.For(Factory).SignInAsync(officer.Email, officer.Password, code), 401);
        }
        // A code of an earlier step than the one accepted is refused as well, though still inside the drift window.
        await AssertProblemAsync(await StaffClient.For(Factory).SignInAsync(officer.Email, officer.Password, officer.CodeAt(-1)), 401);
        // The next step's code is new: accepted.
        Assert.Equal(HttpStatusCode.OK, (await StaffClient.For(Factory).SignInAsync(officer.Email, officer.Password, officer.CodeAt(1))).StatusCode);
    }

    [Fact]
    public async Task TheSameCode_RacingFromTwoClients_WinsOnce()
    {
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        officer.MoveToMidStep();
        var code = officer.CodeAt(0);
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => StaffClient.For(Factory).SignInAsync(officer.Email, officer.Password, code)));
        var statuses = string.Join(", ", await Task.WhenAll(answers.Select(async a => $"{(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}")));
        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) == 1, statuses);
        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized) == 5, statuses);
    }

    [Theory]
    [InlineData(-2, false)]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public async Task Codes_OneStepEitherSide_AreAccepted_TwoAreNot(int offset, bool accepted)
    {
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        officer.MoveToMidStep();
        var answer = await StaffClient.For(Factory).SignInAsync(officer.Email, officer.Password, officer.CodeAt(offset));
        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, answer.StatusCode);
    }
}
