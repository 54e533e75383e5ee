using System.Net;
using CctvRequests.Application.Staff;
using CctvRequests.Infrastructure.Identity;
using CctvRequests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Api.Tests;

/// <summary>POST/GET/DELETE /api/staff/session: passwords, lockout, the cookie, and what is audited.</summary>
public class StaffSignInTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task SignIn_SetsAStrictHostCookie_AndTheSessionAnswersWhoIsIn()
    {
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer, name: "สมชาย ตรวจดี");
        var client = StaffClient.For(Factory);

        var response = await client.SignInAsync(officer.Email, officer.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-cctv-staff=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        var body = await StaffClient.ReadAsync(response);
        Assert.Equal("สมชาย ตรวจดี", body.GetProperty("name").GetString());
        Assert.Equal([StaffRoles.Officer], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("csrfToken").GetString()));

        var session = await StaffClient.ReadAsync(await client.GetAsync("/api/staff/session"));
        Assert.Equal(officer.Email, session.GetProperty("email").GetString());
        Assert.Equal(client.CsrfToken, session.GetProperty("csrfToken").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, "/api/staff/session")).StatusCode);
        await AssertProblemAsync(await client.GetAsync("/api/staff/session"), 401);
    }

    [Fact]
    public async Task WrongPassword_UnknownAccount_AndDisabledAccount_AnswerTheSame401()
    {
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        var disabled = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Application.Abstractions.IStaffAccounts>().SetDisabledAsync(disabled.Id, true, CancellationToken.None);
        }

        var answers = new List<string>();
        foreach (var (email, password) in new[] { (officer.Email, "not the password at all"), ("nobody@example.go.th", TestStaffAccounts.Password), (disabled.Email, disabled.Password) })
        {
            var response = await StaffClient.For(Factory).SignInAsync(email, password);
            await AssertProblemAsync(response, 401);
            Assert.DoesNotContain("Set-Cookie", response.Headers.Select(h => h.Key));
            var body = await JsonAsync(response);
            answers.Add(body.GetProperty("title").GetString() + "|" + body.GetProperty("detail").GetString());
        }
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_SoTheRightOneIsRefusedToo_AndEachFailureIsAudited()
    {
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        for (var i = 0; i < 5; i++)
        {
            await AssertProblemAsync(await StaffClient.For(Factory).SignInAsync(officer.Email, $"wrong password number {i}"), 401);
        }

        var locked = await StaffClient.For(Factory).SignInAsync(officer.Email, officer.Password);

        await AssertProblemAsync(locked, 401);
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(officer.Email))!;
        Assert.True(await users.IsLockedOutAsync(user));
        Assert.InRange(user.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        await using var db = Factory.NewDbContext();
        var failures = await db.AuditEntries.Where(e => e.UserEmail == officer.Email && e.Action == "SignInFailed").OrderBy(e => e.At).Select(e => e.Details).ToListAsync();
        Assert.Equal(["wrong password", "wrong password", "wrong password", "wrong password", "wrong password, now locked", "locked out"], failures);
    }

    [Fact]
    public async Task SuccessfulSignIns_AreAudited_WithTheClientAddress()
    {
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        await StaffClient.SignedInAsync(Factory, officer);

        await using var db = Factory.NewDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.UserEmail == officer.Email && e.Action == "SignIn");
        Assert.Equal(officer.Id, entry.UserId);
        Assert.False(string.IsNullOrEmpty(entry.ClientAddress));
        Assert.Equal(Factory.Clock.GetUtcNow().Date, entry.At.Date);
    }

    [Fact]
    public async Task Passwords_AreHashedWithPbkdf2At210000Iterations_AndShortOnesAreRefused()
    {
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(officer.Email))!;
        var hash = Convert.FromBase64String(user.PasswordHash!);

        // Identity v3 format: 0x01, PRF (uint32 BE), iteration count (uint32 BE), salt length, salt, subkey.
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(210_000, (hash[5] << 24) | (hash[6] << 16) | (hash[7] << 8) | hash[8]);
        var shortOne = await users.ChangePasswordAsync(user, officer.Password, "eleven char");
        Assert.False(shortOne.Succeeded);
        Assert.True((await users.ChangePasswordAsync(user, officer.Password, "twelve chars")).Succeeded); // no composition rules
    }
}
