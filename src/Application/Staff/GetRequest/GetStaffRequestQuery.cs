using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Requests;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Staff.GetRequest;

/// <summary>One request with every field, its files, history, notes and preservation records. Viewing it is audited.</summary>
public sealed record GetStaffRequestQuery(ReferenceNumber Reference, bool RecordView = true, bool ForPrint = false) : IQuery<StaffRequestDto>, IAuditedMessage
{
    /// <summary>A view, or a print (the official form, a receipt), or nothing when re-read after a change.</summary>
    public AuditAction? AuditAction => !RecordView ? null : ForPrint ? Audit.AuditAction.PrintRequest : Audit.AuditAction.ViewRequest;

    public string? AuditReference => Reference.Value;
}

/// <summary>
/// The request itself (its row, without the collections) answers what the caller may do; the rest
/// is a projection straight to the DTO, whose codes are typed, so nothing is parsed back.
/// </summary>
public sealed class GetStaffRequestHandler(IAppDbContext db, TypeAdapterConfig mappings, ICurrentUser user, TimeProvider clock, ReferenceData reference)
    : IQueryHandler<GetStaffRequestQuery, StaffRequestDto>
{
    public async ValueTask<StaffRequestDto> Handle(GetStaffRequestQuery query, CancellationToken cancellationToken)
    {
        var request = await db.FootageRequests.AsNoTracking().SingleOrDefaultAsync(r => r.ReferenceNumber == query.Reference, cancellationToken)
                      ?? throw new NotFoundException(StaffRequestLoader.NotFound);
        var detail = await db.FootageRequests.AsNoTracking().AsSplitQuery()
            .Where(r => r.Id == request.Id)
            .ProjectToType<StaffRequestDto>(mappings)
            .SingleAsync(cancellationToken);

        var stations = await reference.StationsAsync(db, cancellationToken);
        var reasons = await reference.ReasonsAsync(db, cancellationToken);
        var daysLeft = detail.FootageOverwrittenOn.DayNumber - BangkokTime.Today(clock).DayNumber;
        return detail with
        {
            StatusText = Lang.Of(RequestStatusText.Of(detail.Status)),
            PurposeText = Lang.Of(StaffRequestTexts.PurposeOf(detail.Purpose)),
            SignatureMethodText = Lang.Of(SignatureMethodText.Of(detail.SignatureMethod)),
            StationName = stations.TryGetValue(detail.StationId, out var name) ? Lang.Of(name) : string.Empty,
            DaysLeft = daysLeft,
            Flag = StaffRequestTexts.Flag(detail.Status, daysLeft, detail.Preservations.Count > 0),
            Attachments = detail.Attachments.Select(a => a with { KindText = Lang.Of(AttachmentKindText.Of(a.Kind)) }).ToList(),
            History = detail.History.Select(h => h with
            {
                StatusText = Lang.Of(RequestStatusText.Of(h.Status)),
                ReasonText = ReasonTexts.Of(reasons, h.ReasonCode),
            }).ToList(),
            AllowedActions = user.Id is null ? [] : StaffActions.Allowed(request, user.Role),
            HandOvers = detail.HandOvers.Select(h => h with
            {
                SignatureUrl = $"/api/staff/requests/{detail.ReferenceNumber}/handovers/{h.Id}/signature",
            }).ToList(),
        };
    }
}
