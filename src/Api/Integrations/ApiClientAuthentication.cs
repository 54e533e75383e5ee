using System.Security.Claims;
using System.Text.Encodings.Web;
using CctvRequests.Application.Abstractions;
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
/// every node. The principal names the client (never a person) and carries its scopes; each call counts against
/// the client's rate limit (Redis when configured).
/// </summary>
public sealed class ApiClientAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiClient";

    /// <summary>The scheme of calls open to both: a Bearer token goes to <see cref="SchemeName"/>, anything else to the staff cookie.</summary>
    public const string StaffOrClientScheme = "StaffOrClient";
    public const string ScopeClaim = "scope";
    public const string ClientIdClaim = "client_id";

    /// <summary>What the audit log names a client by: never a person's account.</summary>
    public const string ActorPrefix = "client:";

    private static readonly Func<AppDbContext, byte[], DateTimeOffset, CancellationToken, Task<Found?>> Find = EF.CompileAsyncQuery(
        (AppDbContext db, byte[] hash, DateTimeOffset now, CancellationToken _) =>
            (from t in db.ApiTokens.AsNoTracking()
             join c in db.ApiClients.AsNoTracking() on t.ApiClientId equals c.Id
             where t.Hash == hash && t.ExpiresAt > now && c.RevokedAt == null && c.ExpiresAt > now
             select new Found(c.Id, c.ClientId, c.Name, t.Scopes, c.LastUsedAt)).FirstOrDefault());

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }
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
        // Per client, shared by the nodes through Redis when it is configured: 429 with Retry-After beyond it.
        await Context.RequestServices.GetRequiredService<IThrottle>().ForKeyAsync(ThrottlePolicy.ApiClient, found.ClientId, Context.RequestAborted);
        if (found.LastUsedAt is null || now - found.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            // "Last used" for the administrators' list, written at most about once a minute per client.
            await db.ApiClients.Where(c => c.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAt, now), Context.RequestAborted);
        }
        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClientIdClaim, found.ClientId));
        identity.AddClaim(new Claim(ClaimTypes.Name, ActorPrefix + found.ClientId));
        identity.AddClaim(new Claim(StaffClaims.Name, ActorPrefix + found.Name));
        foreach (var scope in found.Scopes)
        {
            identity.AddClaim(new Claim(ScopeClaim, scope));
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Staff.StaffAuthentication.Problem(Context, StatusCodes.Status401Unauthorized, InvalidToken);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_scope\"";
        return Staff.StaffAuthentication.Problem(Context, StatusCodes.Status403Forbidden, InsufficientScope);
    }

    public static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    public static bool IsClient(ClaimsPrincipal user) => user.Identity is { IsAuthenticated: true, AuthenticationType: SchemeName };

    public static readonly Domain.Common.Text InvalidToken = new(
        "โทเคนไม่ถูกต้อง หมดอายุ หรือถูกเพิกถอน กรุณาขอโทเคนใหม่ที่ /connect/token", "The access token is unknown, expired or revoked; get a new one at /connect/token.");

    public static readonly Domain.Common.Text InsufficientScope = new(
        "ไคลเอนต์นี้ไม่ได้รับสิทธิ์ (scope) สำหรับรายการนี้", "This client's token lacks the scope this call needs.");

    private sealed record Found(Guid Id, string ClientId, string Name, string[] Scopes, DateTimeOffset? LastUsedAt);
}

/// <summary>The calls both staff (their session) and API clients (a token with the scope) may make: reads only.</summary>
public static class StaffOrClient
{
    public static string Policy(string scope) => "staff-or-client:" + scope;

    public static AuthenticationBuilder AddApiClients(this AuthenticationBuilder builder) => builder
        .AddScheme<AuthenticationSchemeOptions, ApiClientAuthentication>(ApiClientAuthentication.SchemeName, null)
        .AddPolicyScheme(ApiClientAuthentication.StaffOrClientScheme, null, o => o.ForwardDefaultSelector = context =>
            ApiClientAuthentication.BearerOf(context.Request) is null ? IdentityConstants.ApplicationScheme : ApiClientAuthentication.SchemeName);

    public static AuthorizationBuilder AddStaffOrClientPolicies(this AuthorizationBuilder builder)
    {
        foreach (var scope in ApiScopes.All)
        {
            builder.AddPolicy(Policy(scope), p => p
                .AddAuthenticationSchemes(ApiClientAuthentication.StaffOrClientScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => ApiClientAuthentication.IsClient(context.User)
                    ? context.User.HasClaim(ApiClientAuthentication.ScopeClaim, scope)
                    : Application.Staff.StaffRoles.All.Any(context.User.IsInRole) && !context.User.HasClaim(c => c.Type == StaffClaims.Pending)));
        }
        return builder;
    }
}
