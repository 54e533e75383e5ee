using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Staff.GetRequest;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Domain.Requests;
using Mediator;

namespace CctvRequests.Application.Staff.AddNote;

/// <summary>An internal note: staff only, never shown to the citizen.</summary>
public sealed record AddNoteCommand(ReferenceNumber Reference, string Text) : ICommand<StaffNoteDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.AddNote;

    public string? AuditReference => Reference.Value;
}

public sealed class AddNoteHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AddNoteCommand, StaffNoteDto>
{
    public async ValueTask<StaffNoteDto> Handle(AddNoteCommand command, CancellationToken cancellationToken)
    {
        var request = await StaffRequestLoader.ForAppendAsync(db, command.Reference, cancellationToken);
        var note = request.AddNote(user.Actor, clock.GetUtcNow(), command.Text);
        await db.SaveChangesAsync(cancellationToken);
        return new StaffNoteDto { Id = note.Id, AuthorName = note.AuthorName, At = note.At, Text = note.Text };
    }
}
