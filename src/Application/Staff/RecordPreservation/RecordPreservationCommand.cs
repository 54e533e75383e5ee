using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Staff.GetRequest;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Requests;
using Mediator;

namespace CctvRequests.Application.Staff.RecordPreservation;

/// <summary>SPEC §8.11: the footage of the incident was exported or locked at the station before the overwrite day.</summary>
public sealed record RecordPreservationCommand(ReferenceNumber Reference, string Note) : ICommand<StaffPreservationDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.RecordPreservation;

    public string? AuditReference => Reference.Value;
}

/// <summary>The request refuses it when there is nothing to preserve (<see cref="FootageRequest.CanPreserve"/>).</summary>
public sealed class RecordPreservationHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordPreservationCommand, StaffPreservationDto>
{
    public async ValueTask<StaffPreservationDto> Handle(RecordPreservationCommand command, CancellationToken cancellationToken)
    {
        var request = await StaffRequestLoader.ForAppendAsync(db, command.Reference, cancellationToken);
        var record = request.RecordPreservation(user.Actor, clock.GetUtcNow(), command.Note);
        await db.SaveChangesAsync(cancellationToken);
        return new StaffPreservationDto { Id = record.Id, RecordedByName = record.RecordedByName, At = record.At, Note = record.Note };
    }
}
