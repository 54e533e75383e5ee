using System.Security.Cryptography;
using System.Text;
using CctvRequests.Domain.Common;
using CctvRequests.Infrastructure.Identity;

namespace CctvRequests.Api.Staff;

/// <summary>
/// Every state-changing staff call carries the session's anti-forgery token in <c>X-CSRF-TOKEN</c>
/// (a synchronizer token kept in the signed session cookie). SameSite=Strict already stops cross-site
/// posts; this is the second lock. Missing or wrong → 403.
/// </summary>
public sealed class CsrfFilter : IEndpointFilter
{
    public const string Header = "X-CSRF-TOKEN";
    public static readonly Text Refused = new("คำขอนี้ไม่มีรหัสป้องกันการปลอมแปลง (X-CSRF-TOKEN) ที่ถูกต้อง กรุณาโหลดหน้าใหม่",
        "This request lacks a valid anti-forgery token (X-CSRF-TOKEN); reload the page.");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // A Bearer token is never sent by a browser on its own: an API client's call needs no anti-forgery token.
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || Integrations.ApiClientAuthentication.IsClient(http.User))
        {
            return await next(context);
        }
        var expected = http.User.FindFirst(StaffClaims.Csrf)?.Value;
        var sent = http.Request.Headers[Header].ToString();
        if (expected is null || sent.Length == 0
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(sent)))
        {
            await StaffAuthentication.Problem(http, StatusCodes.Status403Forbidden, Refused);
            return Results.Empty;
        }
        return await next(context);
    }

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
