using System.Security.Claims;
using CctvRequests.Api.Hosting;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace CctvRequests.Api.Staff;

/// <param name="Email">The account's e-mail.</param>
/// <param name="Password">At least 12 characters.</param>
/// <param name="Code">With two-step verification on: the 6-digit code from the authenticator app, or a recovery code (XXXXX-XXXXX).</param>
public sealed record SignInForm(string? Email, string? Password, string? Code = null)
{
    public override string ToString() => nameof(SignInForm);
}

/// <summary>The signed-in staff member, and what the page must do before anything else.</summary>
public sealed record SessionDto(
    Guid UserId, string Name, string Email, IReadOnlyList<string> Roles, string CsrfToken, bool MustChangePassword, bool MustEnrollTwoFactor, bool TwoFactorEnabled);

/// <summary>Sign-in refused (401); one answer for a wrong password, an unknown account and a locked or disabled one.</summary>
public sealed class StaffSignInFailedException(bool twoFactorRequired) : AppException(twoFactorRequired
    ? new Text("กรุณากรอกรหัสยืนยันตัวตนจากแอปยืนยันตัวตน", "Enter the code from your authenticator app.")
    : new Text("อีเมลหรือรหัสผ่านไม่ถูกต้อง หรือบัญชีถูกระงับชั่วคราว", "The e-mail or password is wrong, or the account is locked for now."))
{
    public bool TwoFactorRequired { get; } = twoFactorRequired;
}

/// <summary>
/// Password (and second factor) or passkey in, session cookie out. Failures count towards the
/// lockout (5 then 15 minutes) and are audited with their cause; the caller only learns "no".
/// </summary>
public sealed class StaffSignIn(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    IPasswordHasher<StaffUser> hasher,
    AuditTrail audit,
    IAppDbContext db,
    IHttpContextAccessor http,
    ILogger<StaffSignIn> logger)
{
    public const string AmrPassword = "pwd";
    public const string AmrMultiFactor = "mfa";
    public const string AmrHardwareKey = "hwk";

    // Verifying against a throwaway hash keeps an unknown e-mail as slow as a wrong password.
    private static readonly StaffUser Nobody = new();
    private static readonly Lazy<string> NobodyHash = new(() => new PasswordHasher<StaffUser>(
        Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = IdentitySetup.Pbkdf2Iterations })).HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<SessionDto> WithPasswordAsync(SignInForm form)
    {
        var email = form.Email?.Trim() ?? string.Empty;
        var user = email.Length is > 0 and <= 256 ? await users.FindByEmailAsync(email) : null;
        if (user is null)
        {
            hasher.VerifyHashedPassword(Nobody, NobodyHash.Value, form.Password ?? string.Empty);
            throw await FailedAsync(email, null, "unknown account");
        }
        var lockedBefore = await users.IsLockedOutAsync(user);
        var password = await signIn.CheckPasswordSignInAsync(user, form.Password ?? string.Empty, lockoutOnFailure: true);
        if (!password.Succeeded)
        {
            throw await FailedAsync(email, user, user.IsDisabled ? "disabled"
                : lockedBefore ? "locked out"
                : password.IsLockedOut ? "wrong password, now locked"
                : "wrong password");
        }
        var amr = AmrPassword;
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrWhiteSpace(form.Code))
            {
                throw new StaffSignInFailedException(twoFactorRequired: true);
            }
            if (!await SecondFactorAsync(user, form.Code))
            {
                await users.AccessFailedAsync(user);
                throw await FailedAsync(email, user, "wrong second factor");
            }
            amr = AmrMultiFactor;
        }
        await users.ResetAccessFailedCountAsync(user);
        return await StartAsync(user, amr);
    }

    /// <summary>A passkey with user verification: possession and a PIN or biometric, so it stands for both factors.</summary>
    public async Task<SessionDto> WithPasskeyAsync(string credentialJson)
    {
        PasskeyAssertionResult<StaffUser> assertion;
        try
        {
            assertion = await signIn.PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            // No ceremony under way (expired, replayed, or options never asked for).
            throw await FailedAsync(null, null, "passkey without a ceremony");
        }
        if (!assertion.Succeeded || assertion.User is not { } user)
        {
            throw await FailedAsync(null, null, "passkey refused");
        }
        if (user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            throw await FailedAsync(user.Email, user, "passkey of a locked or disabled account");
        }
        await users.AddOrUpdatePasskeyAsync(user, assertion.Passkey!);
        return await StartAsync(user, AmrHardwareKey);
    }

    /// <summary>Signs the user in again with the same token and limits, after their account changed (password, second factor).</summary>
    public async Task<SessionDto> RenewAsync(StaffUser user, string? amr = null)
    {
        var current = await http.HttpContext!.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var csrf = current.Principal?.FindFirstValue(StaffClaims.Csrf) ?? CsrfFilter.NewToken();
        amr ??= current.Principal?.FindFirstValue(StaffClaims.Amr) ?? AmrPassword;
        await signIn.SignInWithClaimsAsync(user, current.Properties ?? new AuthenticationProperties(), [new Claim(StaffClaims.Amr, amr), new Claim(StaffClaims.Csrf, csrf)]);
        return await DescribeAsync(user, csrf);
    }

    public async Task<SessionDto> DescribeAsync(StaffUser user, string csrf)
    {
        var roles = (await users.GetRolesAsync(user)).ToList();
        var pending = StaffClaims.PendingFor(user, roles);
        return new SessionDto(user.Id, user.DisplayName, user.Email ?? string.Empty, roles, csrf,
            pending == StaffClaims.PendingPassword, pending == StaffClaims.PendingTwoFactor, user.TwoFactorEnabled);
    }

    private async Task<SessionDto> StartAsync(StaffUser user, string amr)
    {
        var csrf = CsrfFilter.NewToken();
        await signIn.SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = false }, [new Claim(StaffClaims.Amr, amr), new Claim(StaffClaims.Csrf, csrf)]);
        audit.RecordFor(user.Email, user.Id, user.DisplayName, AuditAction.SignIn, amr);
        await db.SaveChangesAsync();
        return await DescribeAsync(user, csrf);
    }

    private async Task<bool> SecondFactorAsync(StaffUser user, string code)
    {
        var compact = code.Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        return compact.Contains('-')
            ? (await users.RedeemTwoFactorRecoveryCodeAsync(user, compact)).Succeeded
            : await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, compact);
    }

    private async Task<StaffSignInFailedException> FailedAsync(string? email, StaffUser? user, string cause)
    {
        audit.RecordFor(email is { Length: > 0 and <= 256 } ? email : null, user?.Id, user?.DisplayName, AuditAction.SignInFailed, cause);
        // The log says that and why, not who: the address is classified personal data and redacted.
        logger.SignInRefused(email ?? string.Empty, cause);
        await db.SaveChangesAsync();
        return new StaffSignInFailedException(twoFactorRequired: false);
    }
}
