using CctvRequests.Application.Staff;
using CctvRequests.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace CctvRequests.TestSupport;

/// <summary>A staff account made for a test, with what is needed to sign in as it.</summary>
public sealed record TestStaff(Guid Id, string Email, string Name, string Role, string Password, string? TotpKey)
{
    private long _lastStep = long.MinValue;

    /// <summary>The host's clock, which the server checks codes against.</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>
    /// A code the server accepts now, as the app would show it: the host's current 30-second step, or,
    /// as each code is accepted once, the next one (one step of drift is allowed); when that was used
    /// too, the host's clock moves on to the next step, as a person would wait for it.
    /// </summary>
    public string Code()
    {
        var key = Base32Encoding.ToBytes(TotpKey ?? throw new InvalidOperationException("No authenticator."));
        var step = (Clock?.GetUtcNow() ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        var use = Math.Max(step, _lastStep + 1);
        if (use > step + 1)
        {
            (Clock ?? throw new InvalidOperationException("Codes run out without a clock to move on.")).Advance(TimeSpan.FromSeconds(30 * (use - step - 1)));
        }
        _lastStep = use;
        return new Totp(key).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(use * 30).UtcDateTime);
    }

    /// <summary>Moves the host's clock to the middle of a 30-second step, so a test's next readings stay in it.</summary>
    public void MoveToMidStep()
    {
        var clock = Clock ?? throw new InvalidOperationException("No clock.");
        var into = clock.GetUtcNow().ToUnixTimeMilliseconds() % 30_000;
        clock.Advance(TimeSpan.FromMilliseconds((45_000 - into) % 30_000));
    }

    /// <summary>The code of the step <paramref name="offset"/> steps from the host's current one (for the drift tests).</summary>
    public string CodeAt(int offset)
    {
        var key = Base32Encoding.ToBytes(TotpKey ?? throw new InvalidOperationException("No authenticator."));
        var step = (Clock ?? throw new InvalidOperationException("No clock.")).GetUtcNow().ToUnixTimeSeconds() / 30 + offset;
        return new Totp(key).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
    }
}

public static class TestStaffAccounts
{
    public const string Password = "correct horse battery staple";

    /// <summary>
    /// An account in the role, signed up directly through Identity, with an authenticator (two-step
    /// verification on, as every role needs) unless <paramref name="twoFactor"/> says otherwise.
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
        return new TestStaff(user.Id, email, user.DisplayName, role, Password, key) { Clock = factory.Clock };
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
