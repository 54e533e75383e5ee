using System.Buffers.Text;
using System.Security.Claims;
using System.Text.Json;
using CctvRequests.Api.Staff;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using static CctvRequests.Application.Common.ValidationMessages;

namespace CctvRequests.Api.Endpoints;

/// <summary>Staff sign-in, sign-out and the account's own settings (password, authenticator, passkeys).</summary>
public static class StaffSessionEndpoints
{
    public const string TotpIssuer = "CCTV Requests";
    public const int RecoveryCodes = 10;

    public static IEndpointRouteBuilder MapStaffSession(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/staff/session").WithTags("Staff");
        open.MapPost("/", async (SignInForm body, StaffSignIn signIn) => TypedResults.Ok(await signIn.WithPasswordAsync(body)))
            .AllowAnonymous()
            .WithName("SignIn")
            .WithSummary("Sign in with e-mail, password and, when two-step verification is on, a code")
            .WithDescription("Sets the `__Host-cctv-staff` cookie and answers the session with its `csrfToken`: send it as `X-CSRF-TOKEN` on every POST, PUT and DELETE. A wrong password, an unknown account and a locked one answer the same 401; a missing second factor answers 401 with `twoFactorRequired: true`. Five failures lock the account for 15 minutes.")
            .Produces<SessionDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        open.MapPost("/passkey/options", async (StaffSignIn signIn) => Results.Content(await signIn.PasskeyOptionsAsync(), "application/json"))
            .AllowAnonymous()
            .WithName("PasskeySignInOptions")
            .WithSummary("Options for signing in with a passkey (feed to PublicKeyCredential.parseRequestOptionsFromJSON)");
        open.MapPost("/passkey", async (JsonElement credential, StaffSignIn signIn) => TypedResults.Ok(await signIn.WithPasskeyAsync(credential.GetRawText())))
            .AllowAnonymous()
            .WithName("PasskeySignIn")
            .WithSummary("Sign in with a passkey: the body is the credential's JSON (PublicKeyCredential.toJSON())")
            .Produces<SessionDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        var session = app.MapGroup("/api/staff/session").WithTags("Staff").RequireAuthorization(StaffPolicies.Session).AddEndpointFilter<CsrfFilter>();
        session.MapGet("/", async (ClaimsPrincipal principal, UserManager<StaffUser> users, StaffSignIn signIn) =>
                TypedResults.Ok(await signIn.DescribeAsync(await CurrentAsync(principal, users), principal.FindFirstValue(StaffClaims.Csrf) ?? string.Empty)))
            .WithName("GetSession")
            .WithSummary("The signed-in staff member (401 when nobody is)")
            .Produces<SessionDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        session.MapDelete("/", async (ClaimsPrincipal principal, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditTrail audit, IAppDbContext db) =>
            {
                audit.Record(AuditAction.SignOut);
                await db.SaveChangesAsync();
                // A new security stamp ends this session on the server, and any copy of its cookie (ADR 0015).
                await users.UpdateSecurityStampAsync(await CurrentAsync(principal, users));
                await signIn.SignOutAsync();
                return TypedResults.NoContent();
            })
            .WithName("SignOut")
            .WithSummary("Sign out: ends the session on the server (and the account's sessions on other devices)");
        session.MapPost("/password", ChangePasswordAsync)
            .WithName("ChangePassword")
            .WithSummary("Change the password (required after a temporary one)")
            .Produces<SessionDto>()
            .ProducesValidationProblem();
        session.MapPost("/two-factor/setup", SetUpTwoFactorAsync)
            .WithName("SetUpTwoFactor")
            .WithSummary("Start authenticator-app enrolment: a new key, its otpauth URI and QR code")
            .Produces<TwoFactorSetupDto>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        session.MapPost("/two-factor", EnableTwoFactorAsync)
            .WithName("EnableTwoFactor")
            .WithSummary("Finish enrolment with a code from the app; answers the recovery codes once")
            .Produces<TwoFactorEnabledDto>()
            .ProducesValidationProblem();

        var passkeys = app.MapGroup("/api/staff/session/passkeys").WithTags("Staff").RequireAuthorization(StaffPolicies.Staff).AddEndpointFilter<CsrfFilter>();
        passkeys.MapGet("/", async (ClaimsPrincipal principal, UserManager<StaffUser> users) =>
                TypedResults.Ok((await users.GetPasskeysAsync(await CurrentAsync(principal, users))).Select(PasskeyDto.Of).ToList()))
            .WithName("ListPasskeys")
            .WithSummary("The signed-in user's passkeys");
        passkeys.MapPost("/options", async (ClaimsPrincipal principal, UserManager<StaffUser> users, SignInManager<StaffUser> signIn) =>
            {
                var user = await CurrentAsync(principal, users);
                var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
                {
                    Id = user.Id.ToString(), Name = user.Email ?? user.Id.ToString(), DisplayName = user.DisplayName,
                });
                return Results.Content(options, "application/json");
            })
            .WithName("PasskeyCreationOptions")
            .WithSummary("Options for adding a passkey (feed to PublicKeyCredential.parseCreationOptionsFromJSON)");
        passkeys.MapPost("/", AddPasskeyAsync)
            .WithName("AddPasskey")
            .WithSummary("Add a passkey: the body is the new credential's JSON (PublicKeyCredential.toJSON())")
            .Produces<PasskeyDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        passkeys.MapDelete("/{id}", RemovePasskeyAsync)
            .WithName("RemovePasskey")
            .WithSummary("Remove one of the signed-in user's passkeys");
        return app;
    }

    private static async Task<IResult> ChangePasswordAsync(
        PasswordForm body, ClaimsPrincipal principal, UserManager<StaffUser> users, StaffSignIn signIn, PasswordHashingGate hashing, AuditTrail audit, IAppDbContext db,
        CancellationToken ct)
    {
        var user = await CurrentAsync(principal, users);
        using (await hashing.EnterAsync(ct))
        {
            if (body.CurrentPassword is not { Length: > 0 and <= IdentitySetup.PasswordMaxLength } || !await users.CheckPasswordAsync(user, body.CurrentPassword))
            {
                await signIn.CountFailureAsync(user);
                throw Invalid("currentPassword", new Text("รหัสผ่านปัจจุบันไม่ถูกต้อง", "The current password is wrong."));
            }
            if (body.NewPassword == body.CurrentPassword)
            {
                throw Invalid("newPassword", new Text("รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม", "The new password must differ from the current one."));
            }
            // Changing the password rotates the security stamp: every other session of the account ends (ADR 0015).
            var changed = await users.ChangePasswordAsync(user, body.CurrentPassword, body.NewPassword ?? string.Empty);
            if (!changed.Succeeded)
            {
                throw Invalid("newPassword", changed.Errors.Any(e => e.Code == PasswordStrengthValidator.Code)
                    ? PasswordStrengthValidator.TooGuessable
                    : PasswordLength);
            }
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        audit.Record(AuditAction.PasswordChanged);
        await db.SaveChangesAsync();
        return TypedResults.Ok(await signIn.RenewAsync(user));
    }

    private static async Task<IResult> SetUpTwoFactorAsync(ClaimsPrincipal principal, UserManager<StaffUser> users, StaffSignIn signIn)
    {
        var user = await CurrentAsync(principal, users);
        if (user.TwoFactorEnabled)
        {
            throw new ConflictException(new Text(
                "การยืนยันสองขั้นตอนเปิดอยู่แล้ว หากเปลี่ยนโทรศัพท์ ให้ผู้ดูแลระบบรีเซ็ต", "Two-step verification is on already; to move to a new phone, ask an administrator to reset it."));
        }
        await users.ResetAuthenticatorKeyAsync(user);
        // A new key rotates the security stamp: renew the cookie, or the next check would end the session.
        await signIn.RenewAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var label = Uri.EscapeDataString($"{TotpIssuer}:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(TotpIssuer)}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return TypedResults.Ok(new TwoFactorSetupDto(key, uri, Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6))));
    }

    private static async Task<IResult> EnableTwoFactorAsync(
        CodeForm body, ClaimsPrincipal principal, UserManager<StaffUser> users, StaffSignIn signIn, AuditTrail audit, IAppDbContext db)
    {
        var user = await CurrentAsync(principal, users);
        var code = body.Code?.Replace(" ", string.Empty, StringComparison.Ordinal) ?? string.Empty;
        if (await users.GetAuthenticatorKeyAsync(user) is null
            || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
        {
            throw Invalid("code", new Text("รหัสไม่ถูกต้อง กรุณากรอกรหัส 6 หลักที่แสดงในแอปตอนนี้", "The code is wrong; type the 6-digit code the app shows now."));
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var recovery = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes))!.ToList();
        audit.Record(AuditAction.TwoFactorEnabled);
        await db.SaveChangesAsync();
        return TypedResults.Ok(new TwoFactorEnabledDto(recovery, await signIn.RenewAsync(user, StaffSignIn.AmrMultiFactor)));
    }

    private static async Task<IResult> AddPasskeyAsync(
        JsonElement credential, ClaimsPrincipal principal, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditTrail audit, IAppDbContext db, TimeProvider clock)
    {
        var user = await CurrentAsync(principal, users);
        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(credential.GetRawText());
        }
        catch (InvalidOperationException)
        {
            throw Invalid("credential", PasskeyRefused);
        }
        if (!attestation.Succeeded || attestation.UserEntity?.Id != user.Id.ToString())
        {
            throw Invalid("credential", PasskeyRefused);
        }
        var passkey = attestation.Passkey!;
        passkey.Name = $"Passkey {BangkokTime.DateOf(clock.GetUtcNow()):yyyy-MM-dd}";
        var added = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!added.Succeeded)
        {
            throw Invalid("credential", PasskeyRefused);
        }
        audit.Record(AuditAction.PasskeyAdded);
        await db.SaveChangesAsync();
        return TypedResults.Created((string?)null, PasskeyDto.Of(passkey));
    }

    private static async Task<IResult> RemovePasskeyAsync(string id, ClaimsPrincipal principal, UserManager<StaffUser> users, AuditTrail audit, IAppDbContext db)
    {
        var user = await CurrentAsync(principal, users);
        // Identity answers success for a passkey the user does not have: look first, so that is a 404 and no audit line.
        if (!Base64Url.IsValid(id) || await users.GetPasskeyAsync(user, Base64Url.DecodeFromChars(id)) is null
            || !(await users.RemovePasskeyAsync(user, Base64Url.DecodeFromChars(id))).Succeeded)
        {
            throw new NotFoundException(new Text("ไม่พบพาสคีย์นี้", "No such passkey."));
        }
        audit.Record(AuditAction.PasskeyRemoved);
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }

    public static readonly Text PasswordLength = new(
        $"รหัสผ่านใหม่ต้องยาว {IdentitySetup.PasswordMinLength} ถึง {IdentitySetup.PasswordMaxLength} ตัวอักษร (ใช้ประโยคที่จำง่ายได้)",
        $"The new password must be {IdentitySetup.PasswordMinLength} to {IdentitySetup.PasswordMaxLength} characters (a memorable sentence works).");

    private static readonly Text PasskeyRefused = new("เพิ่มพาสคีย์ไม่สำเร็จ กรุณาลองใหม่", "The passkey could not be added; please try again.");

    private static async Task<StaffUser> CurrentAsync(ClaimsPrincipal principal, UserManager<StaffUser> users) =>
        await users.GetUserAsync(principal) ?? throw new StaffSignInFailedException(twoFactorRequired: false);
}

public sealed record PasswordForm(string? CurrentPassword, string? NewPassword)
{
    public override string ToString() => nameof(PasswordForm);
}

public sealed record CodeForm(string? Code);

public sealed record TwoFactorSetupDto(string Key, string Uri, string QrCodePng);

public sealed record TwoFactorEnabledDto(IReadOnlyList<string> RecoveryCodes, SessionDto Session);

public sealed record PasskeyDto(string Id, string? Name, DateTimeOffset CreatedAt)
{
    public static PasskeyDto Of(UserPasskeyInfo passkey) => new(Base64Url.EncodeToString(passkey.CredentialId), passkey.Name, passkey.CreatedAt);
}
