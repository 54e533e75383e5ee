using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Common;

/// <summary>Expected failures the API turns into problem+json; each carries its text in Thai and English.</summary>
public abstract class AppException(Text message) : Exception(message.En)
{
    public Text Text { get; } = message;

    public string Localized => Lang.Of(Text);
}

public sealed class NotFoundException(Text message) : AppException(message);

/// <summary>A file, or the files together, exceed the size limit (413).</summary>
public sealed class FileTooLargeException(string field, Text message) : AppException(message)
{
    public string Field { get; } = field;
}

/// <summary>A file's content is not one of the accepted types (415).</summary>
public sealed class UnsupportedFileTypeException(string field, Text message) : AppException(message)
{
    public string Field { get; } = field;
}

/// <summary>Too many attempts from one client or for one identity document (429).</summary>
public sealed class TooManyRequestsException(TimeSpan retryAfter) : AppException(new Text(
    "มีการเรียกใช้บ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่",
    "Too many attempts. Please wait and try again."))
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>An <c>Idempotency-Key</c> was reused for a different submission (422).</summary>
public sealed class IdempotencyConflictException() : AppException(new Text(
    "Idempotency-Key นี้ถูกใช้กับคำร้องอื่นแล้ว กรุณาใช้คีย์ใหม่สำหรับคำร้องใหม่",
    "This Idempotency-Key was already used for a different request. Use a new key for a new request."));
