using Microsoft.AspNetCore.Identity;

namespace CctvRequests.Infrastructure.Identity;

/// <summary>A staff account: ASP.NET Core Identity's user, with the name shown on screens and paper.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Set for a temporary password (new account, reset): nothing else works until it is changed.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Disabled by an administrator: cannot sign in, and any session ends at the next security check.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// The 30-second time step of the last authenticator code accepted for an account: a code of that step or
/// an earlier one is refused, so each code is used once (ASVS 6.5.1). A table of its own, written only by
/// one conditional upsert (<see cref="StaffAuthenticatorTokenProvider"/>): Identity's own updates of the
/// account row write every column of a possibly stale copy, and must not be able to set it back.
/// </summary>
public sealed class StaffTotpStep
{
    public Guid UserId { get; set; }

    public long LastStep { get; set; }
}
