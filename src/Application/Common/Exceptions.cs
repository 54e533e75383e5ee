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

/// <summary>The caller's role may not do this (403).</summary>
public sealed class ForbiddenException() : AppException(new Text(
    "บัญชีของท่านไม่มีสิทธิ์ทำรายการนี้", "Your account may not do this."));

/// <summary>The request changed since the caller read it: its ETag no longer matches (412).</summary>
public sealed class PreconditionFailedException() : AppException(new Text(
    "คำร้องนี้ถูกเปลี่ยนแปลงหลังจากที่ท่านเปิดดู กรุณาโหลดใหม่แล้วตรวจสอบอีกครั้ง", "The request changed after you opened it; reload it and check again."));

/// <summary>A change was sent without the <c>If-Match</c> header that proves which version the caller saw (428).</summary>
public sealed class PreconditionRequiredException() : AppException(new Text(
    "กรุณาส่ง If-Match พร้อม ETag ของคำร้องที่เปิดดู", "Send If-Match with the ETag of the request you read."));

/// <summary>The request is valid but conflicts with the current state (409).</summary>
public sealed class ConflictException(Text message) : AppException(message);

/// <summary>An upload carries malware (422); nothing of the submission is kept.</summary>
public sealed class InfectedFileException(string field, Text message) : AppException(message)
{
    public string Field { get; } = field;
}

/// <summary>A service the request needs (the database, the virus scanner, the file store) cannot answer now (503); nothing was saved.</summary>
public sealed class ServiceUnavailableException(Text message, Exception? inner = null) : AppException(message)
{
    public Exception? Cause { get; } = inner;
}

/// <summary>A byte range that does not fit (416): a piece of an upload that is not the length its Content-Range said, or a Range past the end of a file.</summary>
public sealed class RangeNotSatisfiableException(Text message, long? size = null) : AppException(message)
{
    /// <summary>The whole size, for <c>Content-Range: bytes */size</c>.</summary>
    public long? Size { get; } = size;
}

/// <summary>What was there is gone for good (410): the download period of an online copy has ended.</summary>
public sealed class GoneException(Text message) : AppException(message);

/// <summary>Locked until someone opens it again (423): downloads after too many wrong identity numbers.</summary>
public sealed class LockedException(Text message) : AppException(message);

/// <summary>
/// Every seat of the slot asked for is taken (409): the problem names the next free times of the place, so the page
/// can offer them at once.
/// </summary>
public sealed class SlotTakenException(Text message, int placeId, IReadOnlyList<DateTimeOffset> nextFreeTimes) : AppException(message)
{
    public int PlaceId { get; } = placeId;

    public IReadOnlyList<DateTimeOffset> NextFreeTimes { get; } = nextFreeTimes;
}

/// <summary>Needs a session the caller does not have (401), e.g. the applicant's download session.</summary>
public sealed class SessionNeededException(Text message) : AppException(message);
