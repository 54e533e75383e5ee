using CctvRequests.Application.Staff.Users;

namespace CctvRequests.Application.Abstractions;

/// <summary>Staff accounts (ASP.NET Core Identity behind it). Unknown ids throw NotFound; a taken e-mail is a 400 naming <c>email</c>.</summary>
public interface IStaffAccounts
{
    Task<IReadOnlyList<StaffUserDto>> ListAsync(CancellationToken cancellationToken);

    Task<NewPasswordDto> CreateAsync(string email, string name, string role, CancellationToken cancellationToken);

    Task<StaffUserDto> SetRoleAsync(Guid id, string role, CancellationToken cancellationToken);

    Task<StaffUserDto> SetDisabledAsync(Guid id, bool disabled, CancellationToken cancellationToken);

    /// <summary>A new temporary password, to be changed at the next sign-in; optionally the second factor is reset too.</summary>
    Task<NewPasswordDto> ResetPasswordAsync(Guid id, bool resetTwoFactor, CancellationToken cancellationToken);
}
