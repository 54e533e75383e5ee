using Microsoft.Extensions.Logging;

namespace CctvRequests.Infrastructure.Logging;

/// <summary>Every log line of the infrastructure layer, source-generated (see ApplicationLog).</summary>
internal static partial class InfrastructureLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Re-encrypted and re-indexed {Count} identity numbers with key {Key}")]
    public static partial void Rekeyed(this ILogger logger, int count, byte key);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Purging expired idempotency records failed; will retry")]
    public static partial void IdempotencyPurgeFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Purged {Count} expired idempotency records")]
    public static partial void IdempotencyPurged(this ILogger logger, int count);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Retention run erased the personal data of {Requests} requests and {Files} files")]
    public static partial void RetentionRan(this ILogger logger, int requests, int files);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "The retention run is off (Retention:Enabled=false): personal data past its retention is erased only by the 'retention run' command")]
    public static partial void RetentionOff(this ILogger logger);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "The retention run failed; it will run again in {Hours} hours")]
    public static partial void RetentionFailed(this ILogger logger, Exception exception, int hours);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Storage reconciliation removed {Scratch} scratch files, {Unreferenced} objects no request names and {Unfinished} unfinished uploads")]
    public static partial void Reconciled(this ILogger logger, int scratch, int unreferenced, int unfinished);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Storage reconciliation failed; it runs again at the next interval")]
    public static partial void ReconcileFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Organization profile loaded from {File}")]
    public static partial void ProfileLoaded(this ILogger logger, string file);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "{Count} stations loaded from {File}")]
    public static partial void StationsLoaded(this ILogger logger, int count, string file);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "No privacy notice folder at {Folder}")]
    public static partial void NoNoticeFolder(this ILogger logger, string folder);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Privacy notice version {Version} loaded")]
    public static partial void NoticeLoaded(this ILogger logger, string version);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "Encrypted the identity numbers of {Count} existing requests and dropped the clear column")]
    public static partial void IdentitiesProtected(this ILogger logger, int count);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information, Message = "Granted row access (no DDL, audit log append-only) to the application role")]
    public static partial void Granted(this ILogger logger);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Debug, Message = "Job {Job} runs on another node now; skipped here")]
    public static partial void JobRunsElsewhere(this ILogger logger, string job);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Warning, Message = "Could not tell the other nodes that reference data changed; they drop their copies within a minute or when they listen again")]
    public static partial void ReferenceNotifyFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Warning, Message = "Listening for reference-data changes failed; listening again in 5 seconds")]
    public static partial void ReferenceListenFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2018, Level = LogLevel.Information, Message = "The storage reconciliation is done: {Listed} objects listed in {Pages} pages, {Removed} removed, in {Seconds} s")]
    public static partial void ReconcileDone(this ILogger logger, long listed, int pages, int removed, double seconds);

    [LoggerMessage(EventId = 2019, Level = LogLevel.Warning, Message = "Could not delete a stored object ({Reason}); the reconciler removes it later")]
    public static partial void ObjectDeleteFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "The storage server cannot list unfinished multipart uploads; give the bucket a lifecycle rule that aborts them (AbortIncompleteMultipartUpload)")]
    public static partial void UnfinishedUploadsNotListed(this ILogger logger);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Warning, Message = "Could not make sure the bucket exists ({Reason}); uploads answer 503 until the storage answers")]
    public static partial void BucketNotPrepared(this ILogger logger, string reason);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Error, Message = "An attachment's stored file {StorageKey} is missing from the store; its download answers 404")]
    public static partial void StoredFileMissing(this ILogger logger, string storageKey);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Warning, Message = "Storage:ReconcileMinAge is {MinAge}: files of a submission still being saved may be removed; keep it at an hour outside test scripts")]
    public static partial void ReconcileMinAgeShort(this ILogger logger, string minAge);

    [LoggerMessage(EventId = 2024, Level = LogLevel.Information, Message = "No notification channel is configured (Notifications:Email:Host and :From, or Notifications:Sms:Url): citizens are not told of decisions; the status page and QR code work as before")]
    public static partial void NoNotificationChannel(this ILogger logger);

    [LoggerMessage(EventId = 2025, Level = LogLevel.Error, Message = "The outbox dispatcher failed; it tries again at the next poll")]
    public static partial void OutboxDispatchFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2026, Level = LogLevel.Warning, Message = "Message {MessageId} given up after {Attempts} attempts; an administrator can send it again")]
    public static partial void MessageGivenUp(this ILogger logger, Guid messageId, int attempts);

    [LoggerMessage(EventId = 2027, Level = LogLevel.Warning, Message = "Listening for outbox notices failed; polling until it listens again")]
    public static partial void OutboxListenFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2028, Level = LogLevel.Information, Message = "Station {StationId} renamed as the seed file now names it (without the leading บริเวณ)")]
    public static partial void StationRenamed(this ILogger logger, int stationId);

    [LoggerMessage(EventId = 2029, Level = LogLevel.Information, Message = "Online copies past their last day: {Copies} ended, {Clips} clips deleted")]
    public static partial void OnlineCopiesExpired(this ILogger logger, int copies, int clips);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Error, Message = "Ending the expired online copies failed; the next run tries again")]
    public static partial void OnlineCopyExpiryFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2031, Level = LogLevel.Information, Message = "Appointment reminders written to the outbox: {Count}")]
    public static partial void AppointmentsReminded(this ILogger logger, int count);

    [LoggerMessage(EventId = 2032, Level = LogLevel.Error, Message = "Writing the appointment reminders failed; the next run tries again")]
    public static partial void AppointmentRemindersFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2033, Level = LogLevel.Information, Message = "Viewing places loaded from {File}: {Places} places, {ClosedDays} closed days")]
    public static partial void ViewingPlacesLoaded(this ILogger logger, int places, int closedDays, string file);
}
