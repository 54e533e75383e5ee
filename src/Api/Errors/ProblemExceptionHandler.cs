using System.Text.Json;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CctvRequests.Api.Errors;

/// <summary>
/// The one error model: every failure leaves as <c>application/problem+json</c>, in Thai or in
/// English as the caller's <c>Accept-Language</c> prefers. Expected failures (4xx) are logged at
/// Information without a stack; only the unexpected is an error.
/// </summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            logger.LogInformation("Request aborted by the client");
            return true;
        }

        var problem = exception switch
        {
            ValidationException e => Validation(e),
            FileTooLargeException e => FieldProblem(StatusCodes.Status413PayloadTooLarge, Lang.Pick("ไฟล์มีขนาดใหญ่เกินกำหนด", "File too large"), e.Field, e.Localized),
            UnsupportedFileTypeException e => FieldProblem(StatusCodes.Status415UnsupportedMediaType, Lang.Pick("ชนิดไฟล์ไม่รองรับ", "Unsupported file type"), e.Field, e.Localized),
            TooManyRequestsException e => TooMany(httpContext, e),
            NotFoundException e => Problem(StatusCodes.Status404NotFound, Lang.Pick("ไม่พบข้อมูล", "Not found"), e.Localized),
            IdempotencyConflictException e => Problem(StatusCodes.Status422UnprocessableEntity, Lang.Pick("Idempotency-Key ถูกใช้ซ้ำ", "Idempotency-Key reused"), e.Localized),
            DomainException e => Problem(StatusCodes.Status409Conflict, Lang.Pick("ขัดกับเงื่อนไขของระบบ", "Conflicts with a business rule"), Lang.Pick(e.MessageTh, e.Message), e.Code),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, Lang.Pick("ข้อมูลถูกแก้ไขโดยผู้อื่น", "Changed by someone else"),
                Lang.Pick("คำร้องนี้ถูกแก้ไขโดยผู้อื่นระหว่างนี้ กรุณาโหลดใหม่แล้วลองอีกครั้ง", "Someone else changed this request meanwhile; reload and try again.")),
            BadHttpRequestException e => BadRequest(e),
            JsonException => Problem(StatusCodes.Status400BadRequest, Lang.Pick("ข้อมูลไม่ถูกต้อง", "Malformed request"),
                Lang.Pick("รูปแบบ JSON ไม่ถูกต้อง", "The JSON body is malformed.")),
            _ when IsDatabaseUnavailable(exception) => Unavailable(httpContext),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, Lang.Pick("เกิดข้อผิดพลาดในระบบ", "Server error"),
                Lang.Pick("ขออภัย ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง", "Sorry, something went wrong. Please try again."));
        }
        else if (problem.Status >= 500)
        {
            logger.LogWarning(exception, "Service unavailable on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        else
        {
            logger.LogInformation("{Status} on {Method} {Path}: {Kind}", problem.Status, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
        }

        problem.Extensions["traceId"] = httpContext.TraceIdentifier;
        httpContext.Response.StatusCode = problem.Status!.Value;
        await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json", cancellationToken);
        return true;
    }

    /// <summary>
    /// The database refused, timed out or failed to save: nothing was saved, and the caller may
    /// retry. EF wraps the driver's exception, so the whole chain is searched.
    /// </summary>
    private static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbUpdateException or NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Field names as the contract spells them: <c>NationalId</c> → <c>nationalId</c>.</summary>
    public static string FieldName(string property) =>
        string.IsNullOrEmpty(property) || property.Contains('-') ? property : JsonNamingPolicy.CamelCase.ConvertName(property);

    private static ValidationProblemDetails Validation(ValidationException e)
    {
        var errors = e.Errors
            .GroupBy(f => FieldName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        return new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Lang.Pick("ข้อมูลไม่ถูกต้อง กรุณาตรวจสอบช่องที่แจ้ง", "Some fields need attention."),
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
    }

    private static ProblemDetails FieldProblem(int status, string title, string? field, string message)
    {
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field ?? "body"] = [message] })
        {
            Status = status,
            Title = title,
            Detail = message,
        };
        return problem;
    }

    private static ProblemDetails TooMany(HttpContext context, TooManyRequestsException e)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(e.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status429TooManyRequests, Lang.Pick("เรียกใช้บ่อยเกินไป", "Too many requests"), e.Localized);
    }

    private static ProblemDetails Unavailable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "5";
        return Problem(StatusCodes.Status503ServiceUnavailable, Lang.Pick("ระบบไม่พร้อมให้บริการชั่วคราว", "Temporarily unavailable"),
            Lang.Pick("ขออภัย ยังบันทึกข้อมูลไม่ได้ในขณะนี้ ไม่มีข้อมูลใดถูกบันทึก กรุณาลองใหม่อีกครั้ง",
                "Sorry, the data could not be saved right now; nothing was saved. Please try again."));
    }

    private static ProblemDetails BadRequest(BadHttpRequestException e) => e.StatusCode == StatusCodes.Status413PayloadTooLarge
        ? FieldProblem(StatusCodes.Status413PayloadTooLarge, Lang.Pick("ข้อมูลมีขนาดใหญ่เกินกำหนด", "Request too large"), "body",
            Lang.Pick("ไฟล์แนบรวมกันต้องไม่เกิน 30 MB", "The attachments together must not exceed 30 MB."))
        : Problem(e.StatusCode, Lang.Pick("ข้อมูลไม่ถูกต้อง", "Malformed request"),
            Lang.Pick("รูปแบบคำขอไม่ถูกต้อง", "The request is malformed."));

    private static ProblemDetails Problem(int status, string title, string detail, string? code = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }
        return problem;
    }
}
