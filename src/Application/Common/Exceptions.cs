namespace CctvRequests.Application.Common;

/// <summary>Expected failures the API turns into problem+json; each carries its text in Thai and English.</summary>
public abstract class AppException(string messageEn, string messageTh) : Exception(messageEn)
{
    public string MessageTh { get; } = messageTh;

    public string Localized => Lang.Pick(MessageTh, Message);
}

public sealed class NotFoundException(string messageEn, string messageTh) : AppException(messageEn, messageTh);

/// <summary>A file, or the files together, exceed the size limit (413).</summary>
public sealed class FileTooLargeException(string field, string messageEn, string messageTh) : AppException(messageEn, messageTh)
{
    public string Field { get; } = field;
}

/// <summary>A file's content is not one of the accepted types (415).</summary>
public sealed class UnsupportedFileTypeException(string field, string messageEn, string messageTh) : AppException(messageEn, messageTh)
{
    public string Field { get; } = field;
}

/// <summary>Too many attempts from one client or for one national ID (429).</summary>
public sealed class TooManyRequestsException(TimeSpan retryAfter) : AppException(
    "Too many attempts. Please wait and try again.",
    "มีการเรียกใช้บ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>An <c>Idempotency-Key</c> was reused for a different submission (409).</summary>
public sealed class IdempotencyConflictException() : AppException(
    "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
    "Idempotency-Key นี้ถูกใช้กับคำร้องอื่นแล้ว กรุณาใช้คีย์ใหม่สำหรับคำร้องใหม่");
