using System.Security.Cryptography;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Application.Staff;
using CctvRequests.Application.Staff.Users;
using CctvRequests.Domain.Common;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Infrastructure.Identity;

public sealed class StaffAccounts(UserManager<StaffUser> users, TimeProvider clock) : IStaffAccounts
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    public const int TemporaryPasswordLength = 16;

    public static readonly Text NotFound = new("ไม่พบผู้ใช้นี้", "No such user.");

    public async Task<IReadOnlyList<StaffUserDto>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var result = new List<StaffUserDto>(all.Count);
        foreach (var user in all)
        {
            result.Add(await DtoAsync(user));
        }
        return result;
    }

    public async Task<NewPasswordDto> CreateAsync(string email, string name, string role, CancellationToken cancellationToken)
    {
        var password = NewTemporaryPassword();
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw Invalid("email", created.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail")
                ? new Text("มีผู้ใช้อีเมลนี้แล้ว", "A user with this e-mail exists already.")
                : new Text("สร้างผู้ใช้ไม่สำเร็จ", "The user could not be created."));
        }
        Check(await users.AddToRoleAsync(user, role));
        return new NewPasswordDto(await DtoAsync(user), password);
    }

    public async Task<StaffUserDto> SetRoleAsync(Guid id, string role, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id);
        Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)));
        Check(await users.AddToRoleAsync(user, role));
        Check(await users.UpdateSecurityStampAsync(user));
        return await DtoAsync(user);
    }

    public async Task<StaffUserDto> SetDisabledAsync(Guid id, bool disabled, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id);
        user.IsDisabled = disabled;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        Check(await users.UpdateAsync(user));
        // A new stamp ends the user's sessions at their next security check.
        Check(await users.UpdateSecurityStampAsync(user));
        return await DtoAsync(user);
    }

    public async Task<NewPasswordDto> ResetPasswordAsync(Guid id, bool resetTwoFactor, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id);
        var password = NewTemporaryPassword();
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        user.MustChangePassword = true;
        user.AccessFailedCount = 0;
        user.LockoutEnd = user.IsDisabled ? DateTimeOffset.MaxValue : null;
        Check(await users.UpdateAsync(user));
        if (resetTwoFactor)
        {
            Check(await users.SetTwoFactorEnabledAsync(user, false));
            Check(await users.ResetAuthenticatorKeyAsync(user));
        }
        Check(await users.UpdateSecurityStampAsync(user));
        return new NewPasswordDto(await DtoAsync(user), password);
    }

    /// <summary>16 characters from a 56-letter alphabet without look-alikes: about 93 bits.</summary>
    public static string NewTemporaryPassword() =>
        new(Enumerable.Range(0, TemporaryPasswordLength).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray());

    private async Task<StaffUser> FindAsync(Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException(NotFound);

    private async Task<StaffUserDto> DtoAsync(StaffUser user)
    {
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? string.Empty;
        return new StaffUserDto(
            user.Id, user.Email ?? string.Empty, user.DisplayName, role, Lang.Of(StaffRoles.TextOf(role)), user.IsDisabled,
            !user.IsDisabled && await users.IsLockedOutAsync(user), user.TwoFactorEnabled, user.MustChangePassword, user.CreatedAt);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    private static ValidationException Invalid(string field, Text message) => new([new ValidationFailure(field, Lang.Of(message))]);
}
