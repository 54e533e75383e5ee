using System.Threading.RateLimiting;
using CctvRequests.Api.Errors;
using CctvRequests.Domain.Common;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CctvRequests.Api.Hosting;

/// <summary>
/// The bounds on what one request may cost, in one place: body sizes, time limits, how many
/// submissions run at once, no <c>Server</c> header, and forwarded headers trusted only from the
/// proxies the configuration names.
/// </summary>
public static class Hardening
{
    public const string SubmissionPolicy = "submission";
    public const string DownloadPolicy = "download";

    public static WebApplicationBuilder AddHardening(this WebApplicationBuilder builder)
    {
        // Each part reads Limits when it is first built, so configuration set late (a test host) still counts.
        builder.Services.Configure<LimitsOptions>(builder.Configuration.GetSection(LimitsOptions.Section));
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((kestrel, limits) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
        });

        builder.Services.AddRequestTimeouts();
        builder.Services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<LimitsOptions>>((o, limits) =>
        {
            o.DefaultPolicy = Timeout(TimeSpan.FromSeconds(limits.Value.ApiTimeoutSeconds), StatusCodes.Status503ServiceUnavailable, Texts.TooSlowHere);
            o.AddPolicy(SubmissionPolicy, Timeout(TimeSpan.FromSeconds(limits.Value.SubmissionTimeoutSeconds), StatusCodes.Status408RequestTimeout, Texts.UploadTooSlow));
            o.AddPolicy(DownloadPolicy, Timeout(TimeSpan.FromSeconds(limits.Value.DownloadTimeoutSeconds), StatusCodes.Status503ServiceUnavailable, Texts.TooSlowHere));
        });

        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((o, limits) =>
        {
            o.AddConcurrencyLimiter(SubmissionPolicy, c =>
            {
                c.PermitLimit = limits.Value.ConcurrentSubmissions;
                c.QueueLimit = limits.Value.SubmissionQueue;
                c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "10";
                Telemetry.CountRefusal(context.HttpContext);
                return new ValueTask(Problems.WriteAsync(context.HttpContext, StatusCodes.Status503ServiceUnavailable, Texts.Busy));
            };
        });

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Behind a reverse proxy, the client's address (which the limits count) comes from
            // X-Forwarded-For, trusted only from the proxies named in ForwardedHeaders:KnownProxies.
            // With none named, the headers are not read at all (ASP.NET would otherwise trust loopback,
            // and an empty list would trust everyone).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardLimit = 1;
            foreach (var proxy in (builder.Configuration["ForwardedHeaders:KnownProxies"] ?? string.Empty)
                         .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            o.ForwardedHeaders = o.KnownProxies.Count > 0 ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
        });
        return builder;
    }

    private static RequestTimeoutPolicy Timeout(TimeSpan timeout, int status, Text detail) => new()
    {
        Timeout = timeout,
        TimeoutStatusCode = status,
        WriteTimeoutResponse = context => Problems.WriteAsync(context, status, detail),
    };

    private static class Texts
    {
        public static readonly Text TooSlowHere = new(
            "ระบบใช้เวลานานเกินไป ไม่มีข้อมูลใดถูกบันทึก กรุณาลองใหม่อีกครั้ง", "This took the server too long; nothing was saved. Please try again.");

        public static readonly Text UploadTooSlow = new(
            "การส่งไฟล์ใช้เวลานานเกินไป คำร้องยังไม่ได้บันทึก กรุณาลองใหม่เมื่อสัญญาณอินเทอร์เน็ตดีขึ้น หรือลดขนาดไฟล์",
            "Sending the files took too long and the request was not saved. Try again on a better connection, or with smaller files.");

        public static readonly Text Busy = new(
            "ขณะนี้มีผู้ส่งคำร้องพร้อมกันจำนวนมาก คำร้องยังไม่ได้บันทึก กรุณาลองใหม่ในอีกสักครู่", "Many requests are being sent right now and yours was not saved. Please try again in a moment.");
    }
}
