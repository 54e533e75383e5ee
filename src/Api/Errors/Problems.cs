using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace CctvRequests.Api.Errors;

/// <summary>problem+json written outside the exception handler (time limits, the submission queue, health), in the caller's language.</summary>
public static class Problems
{
    public static readonly Text UnavailableTitle = new("ระบบไม่พร้อมให้บริการชั่วคราว", "Temporarily unavailable");

    public static async Task WriteAsync(HttpContext context, int status, Text detail, IDictionary<string, object?>? extensions = null)
    {
        if (context.Response.HasStarted)
        {
            return;
        }
        var problem = new ProblemDetails
        {
            Status = status,
            Title = Lang.Of(status switch
            {
                StatusCodes.Status408RequestTimeout => new Text("หมดเวลา", "Request timeout"),
                StatusCodes.Status429TooManyRequests => new Text("เรียกใช้บ่อยเกินไป", "Too many requests"),
                _ => UnavailableTitle,
            }),
            Detail = Lang.Of(detail),
        };
        problem.Extensions["traceId"] = context.TraceIdentifier;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }
}
