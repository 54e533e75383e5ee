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
        "ระบบไม่พร้อมให้บริการชั่วคราว (ฐานข้อมูล ระบบตรวจไวรัส หรือที่เก็บไฟล์ไม่ตอบสนอง)", "Temporarily unavailable: the database, the virus scanner or the file storage does not answer.");

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

/// <summary>Healthy when the file storage answers: the bucket lists one key (S3), or always for the local folder.</summary>
public sealed class StorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<Infrastructure.Files.S3FileStore>() is not { } bucket)
        {
            return HealthCheckResult.Healthy("Local folder.");
        }
        try
        {
            await bucket.ProbeAsync(cancellationToken);
            return HealthCheckResult.Healthy("The bucket answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The bucket does not answer: " + e.GetType().Name);
        }
    }
}
