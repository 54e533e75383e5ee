using CctvRequests.Application.Abstractions;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Infrastructure.Identity;

public static class IdentitySetup
{
    public const int PasswordMinLength = 12;
    public const int PasswordMaxLength = 256;
    public const int Pbkdf2Iterations = 210_000;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Staff accounts in the application's PostgreSQL: passwords of 12+ characters without
    /// composition rules (NIST SP 800-63B) that zxcvbn does not find guessable, PBKDF2 at 210,000
    /// iterations, lockout after 5 failures for 15 minutes, TOTP codes used once and passkeys
    /// (schema version 3). The cookies are the API's to configure.
    /// </summary>
    public static IServiceCollection AddStaffIdentity(this IServiceCollection services)
    {
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = PasswordMinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = LockoutTime;
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider (±2 steps, reusable codes): see the class.
            .AddTokenProvider<StaffAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddPasswordValidator<MaxLengthPasswordValidator>()
            .AddPasswordValidator<PasswordStrengthValidator>();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = Pbkdf2Iterations);
        services.AddScoped<IStaffAccounts, StaffAccounts>();
        return services;
    }
}

/// <summary>A ceiling, so a megabyte "password" cannot cost the server 210,000 rounds over a megabyte.</summary>
public sealed class MaxLengthPasswordValidator : IPasswordValidator<StaffUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password) =>
        Task.FromResult(password is { Length: > IdentitySetup.PasswordMaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"At most {IdentitySetup.PasswordMaxLength} characters." })
            : IdentityResult.Success);
}
