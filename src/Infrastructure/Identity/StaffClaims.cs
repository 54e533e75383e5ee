using System.Security.Claims;
using CctvRequests.Application.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CctvRequests.Infrastructure.Identity;

/// <summary>The claims a staff session carries beyond Identity's own.</summary>
public static class StaffClaims
{
    public const string Name = "cctv:name";

    /// <summary>What must be done before the session is a full one: <c>password</c> or <c>twoFactor</c>.</summary>
    public const string Pending = "cctv:pending";

    public const string PendingPassword = "password";
    public const string PendingTwoFactor = "twoFactor";

    /// <summary>The anti-forgery token the session was given at sign-in (echoed in X-CSRF-TOKEN).</summary>
    public const string Csrf = "cctv:csrf";

    /// <summary>How the session was authenticated (RFC 8176 values: pwd, mfa, hwk).</summary>
    public const string Amr = "amr";

    /// <summary>What a user must do before working, from the account as it is now.</summary>
    public static string? PendingFor(StaffUser user, IEnumerable<string> roles) =>
        user.MustChangePassword ? PendingPassword
        : !user.TwoFactorEnabled && roles.Any(StaffRoles.NeedingSecondFactor.Contains) ? PendingTwoFactor
        : null;
}

/// <summary>
/// Rebuilds a session's principal from the account (at sign-in and at each security-stamp check),
/// so a changed role, a disabled account or a finished password change shows within a minute.
/// </summary>
public sealed class StaffClaimsPrincipalFactory(UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.Name, user.DisplayName));
        var pending = StaffClaims.PendingFor(user, await UserManager.GetRolesAsync(user));
        if (pending is not null)
        {
            identity.AddClaim(new Claim(StaffClaims.Pending, pending));
        }
        return identity;
    }
}
