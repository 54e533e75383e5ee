using System.Text.Json;
using CctvRequests.Api.Hosting;
using CctvRequests.Api.Staff;
using CctvRequests.Application.Common;
using CctvRequests.Application.Files;
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
            logger.Aborted();
            return true;
        }

        var problem = exception switch
        {
            ValidationException e => Validation(e),
            FileTooLargeException e => FieldProblem(StatusCodes.Status413PayloadTooLarge, Titles.FileTooLarge, e.Field, e.Localized),
            UnsupportedFileTypeException e => FieldProblem(StatusCodes.Status415UnsupportedMediaType, Titles.UnsupportedType, e.Field, e.Localized),
            InfectedFileException e => FieldProblem(StatusCodes.Status422UnprocessableEntity, Titles.Infected, e.Field, e.Localized),
            ServiceUnavailableException e => Unavailable(httpContext, e.Localized),
            TooManyRequestsException e => TooMany(httpContext, e),
            NotFoundException e => Problem(StatusCodes.Status404NotFound, Titles.NotFound, e.Localized),
            StaffSignInFailedException e => SignInFailed(e),
            ForbiddenException e => Problem(StatusCodes.Status403Forbidden, Titles.Forbidden, e.Localized),
            PreconditionFailedException e => Problem(StatusCodes.Status412PreconditionFailed, Titles.ChangedMeanwhile, e.Localized),
            PreconditionRequiredException e => Problem(StatusCodes.Status428PreconditionRequired, Titles.VersionNeeded, e.Localized),
            ConflictException e => Problem(StatusCodes.Status409Conflict, Titles.Conflict, e.Localized),
            SlotTakenException e => SlotTaken(e),
            RangeNotSatisfiableException e => RangeNotSatisfiable(httpContext, e),
            GoneException e => Problem(StatusCodes.Status410Gone, Titles.Gone, e.Localized),
            LockedException e => Problem(StatusCodes.Status423Locked, Titles.Locked, e.Localized),
            SessionNeededException e => Problem(StatusCodes.Status401Unauthorized, Titles.SessionNeeded, e.Localized),
            IdempotencyConflictException e => Problem(StatusCodes.Status422UnprocessableEntity, Titles.KeyReused, e.Localized),
            RoleNotPermittedException e => Problem(StatusCodes.Status403Forbidden, Titles.Forbidden, Lang.Of(e.Text), e.Code),
            DomainException e => Problem(StatusCodes.Status409Conflict, Titles.Conflict, Lang.Of(e.Text), e.Code),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, Titles.ChangedMeanwhile, Lang.Of(Texts.ChangedMeanwhile)),
            BadHttpRequestException e => BadRequest(e),
            JsonException => Problem(StatusCodes.Status400BadRequest, Titles.Malformed, Lang.Of(Texts.MalformedJson)),
            _ when IsBadInput(exception) => Problem(StatusCodes.Status400BadRequest, Titles.Malformed, Lang.Of(Texts.BadCharacters)),
            _ when IsDatabaseUnavailable(exception) => Unavailable(httpContext, Lang.Of(Texts.Unavailable)),
            _ => null,
        };

        if (problem is null)
        {
            logger.Unhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, Titles.ServerError, Lang.Of(Texts.ServerError));
        }
        else if (problem.Status >= 500)
        {
            logger.Unavailable(exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else
        {
            logger.Expected(problem.Status ?? 0, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
        }

        problem.Extensions["traceId"] = httpContext.TraceIdentifier;
        httpContext.Response.StatusCode = problem.Status!.Value;
        await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json", cancellationToken);
        return true;
    }

    /// <summary>
    /// PostgreSQL refused a value itself (class 22, data exception: a NUL character, an invalid
    /// byte sequence, a number out of range): the input is wrong, and retrying will not help.
    /// </summary>
    private static bool IsBadInput(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: [ '2', '2', .. ] })
            {
                return true;
            }
        }
        return false;
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
            Title = Lang.Of(Texts.FieldsNeedAttention),
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
    }

    private static ProblemDetails FieldProblem(int status, Text title, string? field, string message)
    {
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field ?? "body"] = [message] })
        {
            Status = status,
            Title = Lang.Of(title),
            Detail = message,
        };
        return problem;
    }

    /// <summary>The slot is full: the next free times of the place, as instants, so the page can offer them.</summary>
    private static ProblemDetails SlotTaken(SlotTakenException e)
    {
        var problem = Problem(StatusCodes.Status409Conflict, Titles.Conflict, e.Localized, "appointment.slot_taken");
        problem.Extensions["placeId"] = e.PlaceId;
        problem.Extensions["nextFreeTimes"] = e.NextFreeTimes;
        return problem;
    }

    private static ProblemDetails SignInFailed(StaffSignInFailedException e)
    {
        var problem = Problem(StatusCodes.Status401Unauthorized, Titles.SignInFailed, e.Localized);
        if (e.TwoFactorRequired)
        {
            problem.Extensions["twoFactorRequired"] = true;
        }
        return problem;
    }

    private static ProblemDetails RangeNotSatisfiable(HttpContext context, RangeNotSatisfiableException e)
    {
        if (e.Size is { } size)
        {
            context.Response.Headers.ContentRange = $"bytes */{size}";
        }
        return Problem(StatusCodes.Status416RangeNotSatisfiable, Titles.Malformed, e.Localized);
    }

    private static ProblemDetails TooMany(HttpContext context, TooManyRequestsException e)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(e.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Hosting.Telemetry.CountRefusal(context);
        return Problem(StatusCodes.Status429TooManyRequests, Titles.TooMany, e.Localized);
    }

    private static ProblemDetails Unavailable(HttpContext context, string detail)
    {
        context.Response.Headers.RetryAfter = "5";
        return Problem(StatusCodes.Status503ServiceUnavailable, Titles.Unavailable, detail);
    }

    private static ProblemDetails BadRequest(BadHttpRequestException e) => e.StatusCode == StatusCodes.Status413PayloadTooLarge
        ? FieldProblem(StatusCodes.Status413PayloadTooLarge, Titles.RequestTooLarge, "body", Lang.Of(UploadTexts.TotalTooLarge))
        : Problem(e.StatusCode, Titles.Malformed, Lang.Of(Texts.Malformed));

    private static ProblemDetails Problem(int status, Text title, string detail, string? code = null)
    {
        var problem = new ProblemDetails { Status = status, Title = Lang.Of(title), Detail = detail };
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }
        return problem;
    }

    private static class Titles
    {
        public static readonly Text FileTooLarge = new("ไฟล์มีขนาดใหญ่เกินกำหนด", "File too large");
        public static readonly Text RequestTooLarge = new("ข้อมูลมีขนาดใหญ่เกินกำหนด", "Request too large");
        public static readonly Text UnsupportedType = new("ชนิดไฟล์ไม่รองรับ", "Unsupported file type");
        public static readonly Text Infected = new("พบไวรัสในไฟล์", "Malware found");
        public static readonly Text NotFound = new("ไม่พบข้อมูล", "Not found");
        public static readonly Text KeyReused = new("Idempotency-Key ถูกใช้ซ้ำ", "Idempotency-Key reused");
        public static readonly Text Conflict = new("ขัดกับเงื่อนไขของระบบ", "Conflicts with a business rule");
        public static readonly Text ChangedMeanwhile = new("ข้อมูลถูกแก้ไขโดยผู้อื่น", "Changed by someone else");
        public static readonly Text Malformed = new("ข้อมูลไม่ถูกต้อง", "Malformed request");
        public static readonly Text Gone = new("หมดระยะเวลาแล้ว", "No longer available");
        public static readonly Text Locked = new("ถูกระงับไว้", "Locked");
        public static readonly Text SessionNeeded = new("กรุณายืนยันตัวตนก่อน", "Confirm who you are first");
        public static readonly Text TooMany = new("เรียกใช้บ่อยเกินไป", "Too many requests");
        public static readonly Text Unavailable = new("ระบบไม่พร้อมให้บริการชั่วคราว", "Temporarily unavailable");
        public static readonly Text ServerError = new("เกิดข้อผิดพลาดในระบบ", "Server error");
        public static readonly Text SignInFailed = new("เข้าสู่ระบบไม่สำเร็จ", "Sign-in failed");
        public static readonly Text Forbidden = new("ไม่มีสิทธิ์", "Forbidden");
        public static readonly Text VersionNeeded = new("ต้องระบุฉบับของคำร้อง", "Version required");
    }

    private static class Texts
    {
        public static readonly Text FieldsNeedAttention = new("ข้อมูลไม่ถูกต้อง กรุณาตรวจสอบช่องที่แจ้ง", "Some fields need attention.");
        public static readonly Text ChangedMeanwhile = new(
            "คำร้องนี้ถูกแก้ไขโดยผู้อื่นระหว่างนี้ กรุณาโหลดใหม่แล้วลองอีกครั้ง", "Someone else changed this request meanwhile; reload and try again.");
        public static readonly Text MalformedJson = new("รูปแบบ JSON ไม่ถูกต้อง", "The JSON body is malformed.");
        public static readonly Text Malformed = new("รูปแบบคำขอไม่ถูกต้อง", "The request is malformed.");
        public static readonly Text BadCharacters = new(
            "ข้อมูลที่ส่งมามีอักขระหรือค่าที่ระบบรับไม่ได้ กรุณาตรวจสอบแล้วพิมพ์ใหม่", "The data sent contains characters or values that cannot be stored; check it and type it again.");
        public static readonly Text ServerError = new("ขออภัย ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง", "Sorry, something went wrong. Please try again.");
        public static readonly Text Unavailable = new(
            "ขออภัย ยังบันทึกข้อมูลไม่ได้ในขณะนี้ ไม่มีข้อมูลใดถูกบันทึก กรุณาลองใหม่อีกครั้ง", "Sorry, the data could not be saved right now; nothing was saved. Please try again.");
    }
}
