namespace CctvRequests.Api.Hosting;

/// <summary>
/// A strict Content-Security-Policy for the pages (no inline script or style, nothing from another
/// host) and the other protective headers, on every response: they are set as the response starts,
/// so an error answer written by the exception handler (which clears headers) carries them too.
/// Swagger UI needs inline code, so it gets its own, looser policy. Every answer under
/// <c>/api/staff/</c> is <c>Cache-Control: no-store</c>.
/// </summary>
public static class SecurityHeaders
{
    private const string Strict =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string Swagger =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // An attachment's own, stricter policy (sandbox) stays.
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger") ? Swagger : Strict;
                }
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = "max-age=31536000";
                }
                headers.Remove("Server");
                headers.Remove("X-Powered-By");
                // Everything staff read carries personal data or a session's CSRF token: no cache, shared or private, keeps it.
                if (context.Request.Path.StartsWithSegments("/api/staff"))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
}
