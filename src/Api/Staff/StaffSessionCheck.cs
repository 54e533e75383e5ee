using System.Security.Claims;
using CctvRequests.Infrastructure.Identity;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CctvRequests.Api.Staff;

/// <summary>
/// A session is valid only while its account's security stamp is the one it was issued with and the
/// account is not disabled, checked against PostgreSQL on every request (ADR 0015): one primary-key
/// read, no cache, so a sign-out, a password change, a disabled account or a new role (each of which
/// rotates the stamp) ends the account's other sessions at once, on every node.
/// </summary>
public static class StaffSessionCheck
{
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<Current?>> Read = EF.CompileAsyncQuery(
        (AppDbContext db, Guid id, CancellationToken _) => db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new Current(u.SecurityStamp, u.IsDisabled))
            .FirstOrDefault());

    public static async Task<bool> IsCurrentAsync(HttpContext context, ClaimsPrincipal? principal)
    {
        var services = context.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (!Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) || principal.FindFirstValue(stampClaim) is not { Length: > 0 } stamp)
        {
            return false;
        }
        var current = await Read(services.GetRequiredService<AppDbContext>(), id, context.RequestAborted);
        return current is { IsDisabled: false } && string.Equals(current.SecurityStamp, stamp, StringComparison.Ordinal);
    }

    private sealed record Current(string? SecurityStamp, bool IsDisabled);
}
