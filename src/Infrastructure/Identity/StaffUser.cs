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

    /// <summary>
    /// The 30-second time step of the last authenticator code accepted: a code of that step or an
    /// earlier one is refused, so a code is used once (ASVS 6.5.1). Written only by an atomic
    /// conditional update (<see cref="StaffAuthenticatorTokenProvider"/>).
    /// </summary>
    public long? LastTotpStep { get; set; }
}
