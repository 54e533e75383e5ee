using Microsoft.Extensions.Logging;

namespace CctvRequests.Application.Logging;

/// <summary>
/// Every log line of the application layer, source-generated (<c>[LoggerMessage]</c>): fixed
/// templates, typed parameters, and nothing a caller could pass that is not named here. A
/// parameter that may hold personal data carries <c>[PersonalData]</c> and is redacted.
/// </summary>
internal static partial class ApplicationLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "{Message} handled in {ElapsedMs} ms")]
    public static partial void Handled(this ILogger logger, string message, double elapsedMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Request {Reference} submitted for station {StationId} with {Files} files")]
    public static partial void Submitted(this ILogger logger, string reference, int stationId, int files);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "A commit reported a failure but its rows are saved: the command succeeded")]
    public static partial void CommittedAfterAll(this ILogger logger);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Whether a failed commit saved its rows cannot be asked now ({Error}); {Count} files are left for the storage sweep")]
    public static partial void CommitUnknown(this ILogger logger, string error, int count);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "{Count} promoted files of an unfinished commit are left for the storage sweep")]
    public static partial void FilesLeftForSweep(this ILogger logger, int count);
}
