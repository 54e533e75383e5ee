using CctvRequests.Api.Errors;
using CctvRequests.Application.Abstractions;
using CctvRequests.Domain.Common;
using CctvRequests.Infrastructure.Scanning;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CctvRequests.Api.Hosting;

/// <summary>GET /healthz: <c>{"status":"Healthy"}</c>, or 503 problem+json naming what does not answer.</summary>
public static class HealthAnswer
{
    private static readonly Text Down = new(
        "ระบบไม่พร้อมให้บริการชั่วคราว (ฐานข้อมูลหรือระบบตรวจไวรัสไม่ตอบสนอง)", "Temporarily unavailable: the database or the virus scanner does not answer.");

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => (object?)e.Value.Status.ToString());
        if (report.Status == HealthStatus.Healthy)
        {
            context.Response.Headers.CacheControl = "no-store";
            return context.Response.WriteAsJsonAsync(new { status = report.Status.ToString(), checks });
        }
        context.Response.Headers.RetryAfter = "5";
        return Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, Down, new Dictionary<string, object?> { ["status"] = report.Status.ToString(), ["checks"] = checks });
    }
}

/// <summary>Healthy when clamd answers PING, or when no scanner is configured.</summary>
public sealed class VirusScannerHealthCheck(IVirusScanner scanner, ClamAvScanner clamav) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!scanner.Enabled)
        {
            return HealthCheckResult.Healthy("Not configured: uploads are not scanned.");
        }
        return await clamav.PingAsync(cancellationToken) ? HealthCheckResult.Healthy("clamd answers.") : HealthCheckResult.Unhealthy("clamd does not answer.");
    }
}
