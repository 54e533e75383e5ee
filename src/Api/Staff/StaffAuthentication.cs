using System.Security.Claims;
using CctvRequests.Application.Common;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Common;
using CctvRequests.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using CctvRequests.Api.Integrations;

namespace CctvRequests.Api.Staff;

/// <summary>
/// Staff sessions: Identity's application cookie as <c>__Host-cctv-staff</c> (HttpOnly, Secure,
/// SameSite=Strict; browsers accept a Secure cookie over plain HTTP only on localhost), 30 minutes
/// idle and 8 hours at most, checked against the account on every request (<see cref="StaffSessionCheck"/>),
/// 401/403 as problem+json instead of redirects.
/// </summary>
public static class StaffAuthentication
{
    public const string CookieName = "__Host-cctv-staff";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(8);
    private const string AbsoluteExpiryItem = ".cctv-absolute-expiry";

    public static readonly Text SignInNeeded = new("กรุณาเข้าสู่ระบบเจ้าหน้าที่", "Please sign in as staff.");
    public static readonly Text NotAllowed = new("บัญชีของท่านไม่มีสิทธิ์ทำรายการนี้ หรือยังต้องเปลี่ยนรหัสผ่าน/ตั้งค่าการยืนยันสองขั้นตอนก่อน",
        "Your account may not do this, or must first change its password or set up two-step verification.");

    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => Problem(context.HttpContext, StatusCodes.Status401Unauthorized, SignInNeeded);
            o.Events.OnRedirectToAccessDenied = context => Problem(context.HttpContext, StatusCodes.Status403Forbidden, NotAllowed);
            o.Events.OnSigningIn = context =>
            {
                // The absolute limit lives in the ticket's items: a sliding renewal copies them, and it resets IssuedUtc.
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                context.Properties.Items.TryAdd(AbsoluteExpiryItem, now.Add(AbsoluteTimeout).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (!context.Properties.Items.TryGetValue(AbsoluteExpiryItem, out var value) || !long.TryParse(value, out var expiry)
                    || now.ToUnixTimeSeconds() >= expiry)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                if (!await StaffSessionCheck.IsCurrentAsync(context.HttpContext, context.Principal))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            // Holds a passkey ceremony's challenge for five minutes.
            o.Cookie.Name = "__Host-cctv-ceremony";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<IdentityPasskeyOptions>(o =>
        {
            // The relying party is the public host (App:PublicBaseUrl); null lets a test host use its own.
            o.ServerDomain = string.IsNullOrWhiteSpace(configuration["Staff:PasskeyDomain"]) ? null : configuration["Staff:PasskeyDomain"];
            o.ResidentKeyRequirement = "required";
            o.UserVerificationRequirement = "required";
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Session, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.All))
            .AddPolicy(StaffPolicies.Staff, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.All).RequireAssertion(NothingPending))
            .AddPolicy(StaffPolicies.Approver, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Approvers).RequireAssertion(NothingPending))
            .AddPolicy(StaffPolicies.Admin, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin).RequireAssertion(NothingPending))
            .AddStaffOrClientPolicies();
        services.AddAuthentication().AddApiClients();
        return services;
    }

    private static bool NothingPending(Microsoft.AspNetCore.Authorization.AuthorizationHandlerContext context) =>
        !context.User.HasClaim(c => c.Type == StaffClaims.Pending);

    public static Task Problem(HttpContext context, int status, Text message)
    {
        // Several schemes may be challenged for one call (a staff session or an API client's token): the first answers.
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = Lang.Of(message), Detail = Lang.Of(message) };
        problem.Extensions["traceId"] = context.TraceIdentifier;
        return context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }
}
