namespace CctvRequests.Application.Staff.Users;

public sealed record StaffUserDto(
    Guid Id, string Email, string Name, string Role, string RoleText, bool Disabled, bool LockedOut, bool TwoFactorEnabled, bool MustChangePassword, DateTimeOffset CreatedAt);

/// <summary>An account with the temporary password an administrator hands over (shown once).</summary>
public sealed record NewPasswordDto(StaffUserDto User, string TemporaryPassword);
