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

public sealed class GetStaffRequestHandler(IAppDbContext db, TypeAdapterConfig mappings, ICurrentUser user, TimeProvider clock, ReferenceData reference)
    : IQueryHandler<GetStaffRequestQuery, StaffRequestDto>
{
    public async ValueTask<StaffRequestDto> Handle(GetStaffRequestQuery query, CancellationToken cancellationToken)
    {
        var request = await db.FootageRequests.AsNoTracking().AsSplitQuery()
            .Where(r => r.ReferenceNumber == query.Reference)
            .ProjectToType<StaffRequestDto>(mappings)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(StaffRequestLoader.NotFound);

        var status = Enum.Parse<RequestStatus>(request.Status);
        var stations = await reference.StationsAsync(db, cancellationToken);
        var reasons = await reference.ReasonsAsync(db, cancellationToken);
        var daysLeft = request.FootageOverwrittenOn.DayNumber - BangkokTime.Today(clock).DayNumber;
        return request with
        {
            StatusText = Lang.Of(RequestStatusText.Of(status)),
            PurposeText = Lang.Of(StaffRequestTexts.PurposeOf(Enum.Parse<Purpose>(request.Purpose))),
            SignatureMethodText = Lang.Of(SignatureMethodText.Of(Enum.Parse<SignatureMethod>(request.SignatureMethod))),
            StationName = stations.TryGetValue(request.StationId, out var name) ? Lang.Of(name) : string.Empty,
            DaysLeft = daysLeft,
            Flag = StaffRequestTexts.Flag(status, daysLeft, request.Preservations.Count > 0),
            Attachments = request.Attachments.Select(a => a with { KindText = Lang.Of(AttachmentKindText.Of(Enum.Parse<AttachmentKind>(a.Kind))) }).ToList(),
            History = request.History.Select(h => h with
            {
                StatusText = Lang.Of(RequestStatusText.Of(Enum.Parse<RequestStatus>(h.Status))),
                ReasonText = ReasonTexts.Of(reasons, h.ReasonCode),
            }).ToList(),
            AllowedActions = StaffActions.Allowed(status, Enum.Parse<Purpose>(request.Purpose), user),
            HandOvers = request.HandOvers.Select(h => h with
            {
                SignatureUrl = $"/api/staff/requests/{request.ReferenceNumber}/handovers/{h.Id}/signature",
            }).ToList(),
        };
    }
}
