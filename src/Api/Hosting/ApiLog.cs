using CctvRequests.Application.Common;

namespace CctvRequests.Api.Hosting;

/// <summary>Every log line of the API layer, source-generated (see ApplicationLog).</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "The database is migrated")]
    public static partial void Migrated(this ILogger logger);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Uploads are not virus-scanned: set Clamav:Host (and Clamav:Port) or Clamav:Socket to scan them with clamd")]
    public static partial void NotScanning(this ILogger logger);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Request aborted by the client")]
    public static partial void Aborted(this ILogger logger);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    public static partial void Unhandled(this ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Service unavailable on {Method} {Path}")]
    public static partial void Unavailable(this ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "{Status} on {Method} {Path}: {Kind}")]
    public static partial void Expected(this ILogger logger, int status, string method, string path, string kind);

    /// <summary>A staff sign-in refused: the e-mail address given is personal data, redacted.</summary>
    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Staff sign-in refused for {Email}: {Cause}")]
    public static partial void SignInRefused(this ILogger logger, [PersonalData] string email, string cause);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "The counts of {Windows} windows of anonymous failed sign-ins could not be written to the audit log")]
    public static partial void SignInFailureCountsNotWritten(this ILogger logger, Exception exception, int windows);
}
