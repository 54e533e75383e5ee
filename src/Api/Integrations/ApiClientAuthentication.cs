using System.Security.Claims;
using System.Text.Encodings.Web;
using CctvRequests.Application.Integrations;
using CctvRequests.Infrastructure.Identity;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CctvRequests.Api.Integrations;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> from <c>/connect/token</c> (ADR 0018): the token's SHA-256 looked up with its
/// client on every request (one indexed read), so an expired token, a revoked or expired client stops at once on
/// every node. The principal names the client (never a person) and carries its scopes.
/// </summary>
public sealed class ApiClientAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Scheme = "ApiClient";
    public const string ScopeClaim = "scope";
    public const string ClientIdClaim = "client_id";

    private static readonly Func<AppDbContext, byte[], DateTimeOffset, CancellationToken, Task<Found?>> Find = EF.CompileAsyncQuery(
        (AppDbContext db, byte[] hash, DateTimeOffset now, CancellationToken _) =>
            (from t in db.ApiTokens.AsNoTracking()
             join c in db.ApiClients.AsNoTracking() on t.ApiClientId equals c.Id
             where t.Hash == hash && t.ExpiresAt > now && c.RevokedAt == null && c.ExpiresAt > now
             select new Found(c.Id, c.ClientId, c.Name, t.Scopes, c.LastUsedAt)).FirstOrDefault());

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200)
        {
            return AuthenticateResult.Fail("malformed token");
        }
        var db = Context.RequestServices.GetRequiredService<AppDbContext>();
        var now = Context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var found = await Find(db, ApiClient.HashOf(token), now, Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("unknown, expired or revoked token");
        }
        if (found.LastUsedAt is null || now - found.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            // "Last used" for the administrators' page, written at most once a minute per client.
            await db.ApiClients.Where(c => c.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAt, now), Context.RequestAborted);
        }
        var identity = new ClaimsIdentity(Scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClientIdClaim, found.ClientId));
        identity.AddClaim(new Claim(ClaimTypes.Name, $"client:{found.ClientId}"));
        identity.AddClaim(new Claim(StaffClaims.Name, found.Name));
        foreach (var scope in found.Scopes)
        {
            identity.AddClaim(new Claim(ScopeClaim, scope));
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!HasBearer)
        {
            return Task.CompletedTask;
        }
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Staff.StaffAuthentication.Problem(Context, StatusCodes.Status401Unauthorized, Staff.StaffAuthentication.SignInNeeded);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (!HasBearer)
        {
            return Task.CompletedTask;
        }
        Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_scope\"";
        return Staff.StaffAuthentication.Problem(Context, StatusCodes.Status403Forbidden, InsufficientScope);
    }

    private bool HasBearer => Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public static readonly Domain.Common.Text InsufficientScope = new(
        "ไคลเอนต์นี้ไม่ได้รับสิทธิ์ (scope) สำหรับรายการนี้", "This client's token lacks the scope this call needs.");

    private sealed record Found(Guid Id, string ClientId, string Name, string[] Scopes, DateTimeOffset? LastUsedAt);
}

/// <summary>The calls both staff (their session) and API clients (a token with the scope) may make: reads only.</summary>
public static class StaffOrClient
{
    public static string Policy(string scope) => "staff-or-client:" + scope;

    public static AuthorizationBuilder AddStaffOrClientPolicies(this AuthorizationBuilder builder)
    {
        foreach (var scope in ApiScopes.All)
        {
            builder.AddPolicy(Policy(scope), p => p
                .AddAuthenticationSchemes(ApiClientAuthentication.Scheme, IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context =>
                    context.User.HasClaim(ApiClientAuthentication.ScopeClaim, scope)
                    || (Application.Staff.StaffRoles.All.Any(context.User.IsInRole) && !context.User.HasClaim(c => c.Type == StaffClaims.Pending))));
        }
        return builder;
    }
}
