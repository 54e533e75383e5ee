using CctvRequests.Application.Staff;
using CctvRequests.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace CctvRequests.TestSupport;

/// <summary>A staff account made for a test, with what is needed to sign in as it.</summary>
public sealed record TestStaff(Guid Id, string Email, string Name, string Role, string Password, string? TotpKey)
{
    /// <summary>The authenticator app's code now (Identity checks codes against the real clock).</summary>
    public string Code() => new Totp(Base32Encoding.ToBytes(TotpKey ?? throw new InvalidOperationException("No authenticator."))).ComputeTotp();
}

public static class TestStaffAccounts
{
    public const string Password = "correct horse battery staple";

    /// <summary>
    /// An account in the role, signed up directly through Identity: Approvers and Admins get an
    /// authenticator (two-step verification on) unless <paramref name="twoFactor"/> says otherwise.
    /// </summary>
    public static async Task<TestStaff> CreateAsync(ApiFactory factory, string role, bool? twoFactor = null, bool mustChangePassword = false, string? name = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}"[..24] + "@example.go.th";
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name ?? $"{StaffRoles.TextOf(role).Th} ทดสอบ",
            MustChangePassword = mustChangePassword,
            CreatedAt = factory.Clock.GetUtcNow(),
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        string? key = null;
        if (twoFactor ?? StaffRoles.NeedingSecondFactor.Contains(role))
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }
        return new TestStaff(user.Id, email, user.DisplayName, role, Password, key);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
