using CctvRequests.Application.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Infrastructure.Identity;

/// <summary>Identity's tables under staff_* names, the three roles seeded.</summary>
public static class StaffIdentityTables
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<StaffUser>(b =>
        {
            b.ToTable("staff_users");
            b.Property(u => u.DisplayName).HasMaxLength(StaffUserLimits.NameMax);
        });
        builder.Entity<IdentityRole<Guid>>(b =>
        {
            b.ToTable("staff_roles");
            b.HasData(StaffRoles.All.Select((role, i) => new IdentityRole<Guid>
            {
                Id = RoleId(i),
                Name = role,
                NormalizedName = role.ToUpperInvariant(),
                ConcurrencyStamp = $"role-{role.ToLowerInvariant()}",
            }));
        });
        builder.Entity<IdentityUserRole<Guid>>().ToTable("staff_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("staff_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("staff_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("staff_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("staff_role_claims");
        builder.Entity<IdentityUserPasskey<Guid>>().ToTable("staff_user_passkeys");
        builder.Entity<StaffTotpStep>(b =>
        {
            b.ToTable("staff_totp_steps");
            b.HasKey(s => s.UserId);
            b.HasOne<StaffUser>().WithOne().HasForeignKey<StaffTotpStep>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    /// <summary>Fixed ids, so the seed is the same in every database.</summary>
    private static Guid RoleId(int index) => new($"5f0c6d2e-7a41-4c2b-9e3d-00000000000{index + 1}");
}

public static class StaffUserLimits
{
    public const int NameMax = 200;
}
