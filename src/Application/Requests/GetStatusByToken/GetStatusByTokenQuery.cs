using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
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
    IReadOnlyList<StatusHistoryItemDto> History);

/// <summary>One step the citizen may see; internal notes and officers' names are never part of it.</summary>
public sealed record StatusHistoryItemDto(
    string Status,
    string StatusText,
    DateTimeOffset At,
    string? ReasonCode,
    string? Reason,
    string? Message);

public sealed class GetStatusByTokenHandler(IAppDbContext db) : IQueryHandler<GetStatusByTokenQuery, StatusDetailDto>
{
    public async ValueTask<StatusDetailDto> Handle(GetStatusByTokenQuery query, CancellationToken cancellationToken)
    {
        var request = await StatusTokenLookup.FindAsync(db, query.Token, cancellationToken);
        var station = await db.Stations.Where(s => s.Id == request.StationId).Select(s => new Text(s.Name, s.NameEn)).SingleAsync(cancellationToken);
        var reasons = await ReasonTexts.AllAsync(db, cancellationToken);
        return new StatusDetailDto(
            request.ReferenceNumber.Value,
            request.Status.ToString(),
            Lang.Of(RequestStatusText.Of(request.Status)),
            request.Purpose.ToString(),
            request.StationId,
            Lang.Of(station),
            request.IncidentDate,
            request.SubmittedAt,
            request.Applicant.MaskedName,
            request.History
                .OrderBy(h => h.At)
                .Select(h => new StatusHistoryItemDto(
                    h.To.ToString(),
                    Lang.Of(RequestStatusText.Of(h.To)),
                    h.At,
                    h.ReasonCode,
                    ReasonTexts.Of(reasons, h.ReasonCode),
                    h.PublicMessage))
                .ToList());
    }
}

internal static class StatusTokenLookup
{
    public static readonly Text Missing = new("ไม่พบรหัสติดตามสถานะ", "The status token is missing.");

    public static readonly Text NotFound = new(
        "ไม่พบคำร้องจากลิงก์นี้ กรุณาตรวจสอบว่าใช้ลิงก์หรือ QR Code ครบถ้วน",
        "No request has this status link. Check that the whole link or QR code was used.");

    public static async Task<FootageRequest> FindAsync(IAppDbContext db, string? token, CancellationToken cancellationToken)
    {
        FootageRequest? request = null;
        if (StatusToken.IsWellFormed(token))
        {
            var hash = StatusToken.Hash(token!);
            request = await db.FootageRequests.AsNoTracking()
                .Include(r => r.History)
                .AsSplitQuery()
                .SingleOrDefaultAsync(r => r.StatusTokenHash == hash, cancellationToken);
        }
        return request ?? throw new NotFoundException(NotFound);
    }
}
