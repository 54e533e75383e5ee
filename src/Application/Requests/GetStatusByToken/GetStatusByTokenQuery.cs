using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Appointments;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Requests.GetStatusByToken;

/// <summary>The status page the QR code opens: found by the hash of the secret token, never by a guessable number.</summary>
public sealed record GetStatusByTokenQuery(string? Token) : IQuery<StatusDetailDto>
{
    public override string ToString() => nameof(GetStatusByTokenQuery);
}

public sealed record StatusDetailDto(
    string ReferenceNumber,
    string Status,
    string StatusText,
    string Purpose,
    int StationId,
    string StationName,
    DateOnly IncidentDate,
    DateTimeOffset SubmittedAt,
    string MaskedName,
    IReadOnlyList<StatusHistoryItemDto> History,
    OnlineCopyStatusDto? OnlineCopy,
    AppointmentStatusDto? Appointment = null,
    bool CanBookAppointment = false);

/// <summary>
/// The latest visit (booked, attended or not), as the status page shows it before the identity number is typed: when,
/// where, how it stands. Who and what to bring come after the identity check.
/// </summary>
public sealed record AppointmentStatusDto(DateTimeOffset StartsAt, DateTimeOffset EndsAt, string PlaceName, string Status, string StatusText);

/// <summary>
/// The copy delivered online, as the status page shows it: whether clips can be downloaded now (after typing the
/// identity number again), until which day, or that the period ended or downloads are locked. Null when the
/// request has no online copy.
/// </summary>
public sealed record OnlineCopyStatusDto(bool Available, DateOnly ExpiresOn, bool Ended, bool Locked, int Clips);

/// <summary>One step the citizen may see; internal notes and officers' names are never part of it.</summary>
public sealed record StatusHistoryItemDto(
    string Status,
    string StatusText,
    DateTimeOffset At,
    string? ReasonCode,
    string? Reason,
    string? Message);

/// <summary>
/// One SQL round trip by the token's hash (unique index): the request's public columns and its
/// history in one projection, nothing decrypted and no aggregate built; station names and reason
/// labels come from <see cref="ReferenceData"/>. The query is compiled once (issue 23: building the
/// LINQ expression, EF's funcletizer and its cache lookup took about a sixth of this read's CPU).
/// </summary>
public sealed class GetStatusByTokenHandler(IAppDbContext db, ReferenceData reference, TimeProvider clock) : IQueryHandler<GetStatusByTokenQuery, StatusDetailDto>
{
    private sealed record HistoryRow(RequestStatus To, DateTimeOffset At, string? ReasonCode, string? PublicMessage);

    private sealed record Row(
        ReferenceNumber ReferenceNumber, RequestStatus Status, Purpose Purpose, int StationId, DateOnly IncidentDate, DateTimeOffset SubmittedAt,
        string Title, string FirstName, string LastName, bool Erased, List<HistoryRow> History,
        DateTimeOffset? PublishedAt, DateOnly? ExpiresOn, DateTimeOffset? EndedAt, DateTimeOffset? LockedAt, int Clips,
        DateTimeOffset? VisitStartsAt, DateTimeOffset? VisitEndsAt, int? VisitPlaceId, AppointmentStatus? VisitStatus);

    private static readonly Func<DbContext, byte[], CancellationToken, Task<Row?>> ByTokenHash = EF.CompileAsyncQuery(
        (DbContext context, byte[] hash, CancellationToken _) => context.Set<FootageRequest>()
            .Where(r => r.StatusTokenHash == hash)
            .Select(r => new Row(
                r.ReferenceNumber,
                r.Status,
                r.Purpose,
                r.StationId,
                r.IncidentDate,
                r.SubmittedAt,
                r.Applicant.Title,
                r.Applicant.FirstName,
                r.Applicant.LastName,
                EF.Property<byte[]?>(r, IdentitySearch.Property) == null,
                r.History.OrderBy(h => h.At).Select(h => new HistoryRow(h.To, h.At, h.ReasonCode, h.PublicMessage)).ToList(),
                r.OnlineCopy.PublishedAt,
                r.OnlineCopy.ExpiresOn,
                r.OnlineCopy.EndedAt,
                r.OnlineCopy.LockedAt,
                r.DeliveredClips.Count(c => c.StorageKey != null),
                // The latest visit (booked, attended or not) as four scalar subqueries, each an index lookup of this request's few bookings. As one
                // row (FirstOrDefault of an object) EF Core joins a ROW_NUMBER() over every booking of every request,
                // which PostgreSQL computes in full on each read: a cost that grows with the years of bookings.
                r.Appointments.Where(a => a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Attended || a.Status == AppointmentStatus.NoShow)
                    .OrderByDescending(a => a.StartsAt).Select(a => (DateTimeOffset?)a.StartsAt).FirstOrDefault(),
                r.Appointments.Where(a => a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Attended || a.Status == AppointmentStatus.NoShow)
                    .OrderByDescending(a => a.StartsAt).Select(a => (DateTimeOffset?)a.EndsAt).FirstOrDefault(),
                r.Appointments.Where(a => a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Attended || a.Status == AppointmentStatus.NoShow)
                    .OrderByDescending(a => a.StartsAt).Select(a => (int?)a.PlaceId).FirstOrDefault(),
                r.Appointments.Where(a => a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Attended || a.Status == AppointmentStatus.NoShow)
                    .OrderByDescending(a => a.StartsAt).Select(a => (AppointmentStatus?)a.Status).FirstOrDefault()))
            .SingleOrDefault());

    public async ValueTask<StatusDetailDto> Handle(GetStatusByTokenQuery query, CancellationToken cancellationToken)
    {
        var hash = StatusTokenLookup.HashOf(query.Token);
        var row = await ByTokenHash((DbContext)db, hash, cancellationToken) ?? throw new NotFoundException(StatusTokenLookup.NotFound);
        var stations = await reference.StationsAsync(db, cancellationToken);
        var reasons = await reference.ReasonsAsync(db, cancellationToken);
        return new StatusDetailDto(
            row.ReferenceNumber.Value,
            row.Status.ToString(),
            Lang.Of(RequestStatusText.Of(row.Status)),
            row.Purpose.ToString(),
            row.StationId,
            stations.TryGetValue(row.StationId, out var station) ? Lang.Of(station) : string.Empty,
            row.IncidentDate,
            row.SubmittedAt,
            row.Erased ? string.Empty : Applicant.Masked(row.Title, row.FirstName, row.LastName),
            row.History
                .Select(h => new StatusHistoryItemDto(
                    h.To.ToString(),
                    Lang.Of(RequestStatusText.Of(h.To)),
                    h.At,
                    h.ReasonCode,
                    ReasonTexts.Of(reasons, h.ReasonCode),
                    h.PublicMessage))
                .ToList(),
            row.PublishedAt is null || row.ExpiresOn is not { } expires ? null : new OnlineCopyStatusDto(
                row.EndedAt is null && row.LockedAt is null && BangkokTime.Today(clock) <= expires, expires,
                row.EndedAt is not null || BangkokTime.Today(clock) > expires, row.LockedAt is not null, row.Clips),
            row is not { VisitStartsAt: { } startsAt, VisitEndsAt: { } endsAt, VisitPlaceId: { } placeId, VisitStatus: { } visitStatus } ? null : new AppointmentStatusDto(
                startsAt, endsAt,
                Lang.Of(await db.ViewingPlaces.Where(p => p.Id == placeId).Select(p => new Text(p.NameTh, p.NameEn)).SingleAsync(cancellationToken)),
                visitStatus.ToString(), Lang.Of(AppointmentStatusText.Of(visitStatus))),
            row.Status == RequestStatus.Approved && row.Purpose == Purpose.View && !row.Erased);
    }
}

internal static class StatusTokenLookup
{
    public static readonly Text Missing = new("ไม่พบรหัสติดตามสถานะ", "The status token is missing.");

    public static readonly Text NotFound = new(
        "ไม่พบคำร้องจากลิงก์นี้ กรุณาตรวจสอบว่าใช้ลิงก์หรือ QR Code ครบถ้วน",
        "No request has this status link. Check that the whole link or QR code was used.");

    /// <summary>The stored hash of a well-formed token; a malformed one is "not found", as an unknown one.</summary>
    public static byte[] HashOf(string? token) =>
        StatusToken.IsWellFormed(token) ? StatusToken.Hash(token!) : throw new NotFoundException(NotFound);

    public static async Task ExistsAsync(IAppDbContext db, string? token, CancellationToken cancellationToken)
    {
        var hash = HashOf(token);
        if (!await db.FootageRequests.AnyAsync(r => r.StatusTokenHash == hash, cancellationToken))
        {
            throw new NotFoundException(NotFound);
        }
    }
}
