using System.Security.Claims;
using CctvRequests.Api.Hosting;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Infrastructure.Identity;
using CctvRequests.Infrastructure.Persistence;
using CctvRequests.Infrastructure.RateLimiting;
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
/// Password (and second factor) or passkey in, session cookie out. Each attempt counts against the
/// client's limit (<c>RateLimiting:StaffSignIn</c>); password hashing waits its turn
/// (<see cref="PasswordHashingGate"/>); every refusal costs one password hash, so neither an unknown
/// nor a locked or disabled account answers faster. Failures count towards the lockout (5 then 15
/// minutes) and are audited with their cause (those naming no account collapsed per client,
/// <see cref="AnonymousSignInFailures"/>); the caller only learns "no".
/// </summary>
public sealed class StaffSignIn(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    IPasswordHasher<StaffUser> hasher,
    PasswordHashingGate hashing,
    IThrottle throttle,
    AnonymousSignInFailures anonymousFailures,
    AuditTrail audit,
    AppDbContext db,
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
        await ThrottleAsync();
        var email = form.Email?.Trim() ?? string.Empty;
        var given = form.Password is { Length: <= IdentitySetup.PasswordMaxLength } p ? p : string.Empty;
        StaffUser? user;
        using (await hashing.EnterAsync(Aborted))
        {
            user = email.Length is > 0 and <= AuditEntry.EmailMax ? await users.FindByEmailAsync(email) : null;
            if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user))
            {
                // The same work as a real check, whatever the reason for saying no.
                hasher.VerifyHashedPassword(Nobody, NobodyHash.Value, given);
                throw await FailedAsync(email, user, user is null ? "unknown account" : user.IsDisabled ? "disabled" : "locked out");
            }
            if (!await users.CheckPasswordAsync(user, given))
            {
                throw await FailedAsync(email, user, await CountFailureAsync(user) ? "wrong password, now locked" : "wrong password");
            }
        }
        return await SecondStepAsync(user, email, form.Code);
    }

    /// <summary>The passkey ceremony's options, counted against the client's sign-in limit.</summary>
    public async Task<string> PasskeyOptionsAsync()
    {
        await ThrottleAsync();
        return await signIn.MakePasskeyRequestOptionsAsync(null);
    }

    private async Task<SessionDto> SecondStepAsync(StaffUser user, string email, string? code)
    {
        var amr = AmrPassword;
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                throw new StaffSignInFailedException(twoFactorRequired: true);
            }
            if (!await SecondFactorAsync(user, code))
            {
                throw await FailedAsync(email, user, await CountFailureAsync(user) ? "wrong second factor, now locked" : "wrong second factor");
            }
            amr = AmrMultiFactor;
        }
        await ChangeAccountAsync(user, () => users.ResetAccessFailedCountAsync(user));
        return await StartAsync(user, amr);
    }

    /// <summary>A passkey with user verification: possession and a PIN or biometric, so it stands for both factors.</summary>
    public async Task<SessionDto> WithPasskeyAsync(string credentialJson)
    {
        await ThrottleAsync();
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
        // The log says that and why, not who: the address is classified personal data and redacted.
        logger.SignInRefused(email ?? string.Empty, cause);
        // The cause, from a fixed list; never who.
        Application.Behaviors.AppTelemetry.SignInFailures.Add(1, new KeyValuePair<string, object?>("cause", cause));
        if (user is not null || anonymousFailures.Opens(ClientKey))
        {
            audit.RecordFor(user?.Email ?? ClaimedEmail.ForAudit(email), user?.Id, user?.DisplayName, AuditAction.SignInFailed, cause);
            await db.SaveChangesAsync();
        }
        return new StaffSignInFailedException(twoFactorRequired: false);
    }

    /// <summary>
    /// Counts a failure towards the lockout and says whether the account is now locked. Attempts in
    /// parallel race on the account row (its concurrency stamp): the loser reloads and counts again, so
    /// no failure goes uncounted and none ends in a 409.
    /// </summary>
    public async Task<bool> CountFailureAsync(StaffUser user)
    {
        await ChangeAccountAsync(user, () => users.AccessFailedAsync(user));
        return await users.IsLockedOutAsync(user);
    }

    private async Task ChangeAccountAsync(StaffUser user, Func<Task<IdentityResult>> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await change();
            if (result.Succeeded)
            {
                return;
            }
            await db.Entry(user).ReloadAsync(Aborted);
            if (attempt == 5 || !result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                throw new InvalidOperationException("Identity refused: " + string.Join("; ", result.Errors.Select(e => e.Code)));
            }
        }
    }

    private string ClientKey => SlidingWindowThrottle.ClientKey(http.HttpContext?.Connection.RemoteIpAddress);

    private CancellationToken Aborted => http.HttpContext?.RequestAborted ?? CancellationToken.None;

    private ValueTask ThrottleAsync() =>
        throttle.ForClientAsync(ThrottlePolicy.StaffSignIn, http.HttpContext?.Connection.RemoteIpAddress, Aborted);
}
