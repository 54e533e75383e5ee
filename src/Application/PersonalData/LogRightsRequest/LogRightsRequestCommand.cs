using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Privacy;
using Mediator;

namespace CctvRequests.Application.PersonalData.LogRightsRequest;

/// <summary>A rights request logged with the day the person asked; its deadline follows.</summary>
public sealed record LogRightsRequestCommand(IdentityDocument Document, RightsKind Kind, DateOnly AskedOn, string? Note) : ICommand<RightsRequestDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.LogRightsRequest;

    public string? AuditReference => null;

    public string? AuditDetails => $"{Kind}, asked on {AskedOn:yyyy-MM-dd}";

    public override string ToString() => nameof(LogRightsRequestCommand);
}

/// <summary>The person is kept as the blind index of the document and a masked label, never the number.</summary>
public sealed class LogRightsRequestHandler(IAppDbContext db, IIdentityIndex index, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<LogRightsRequestCommand, RightsRequestDto>
{
    public async ValueTask<RightsRequestDto> Handle(LogRightsRequestCommand command, CancellationToken cancellationToken)
    {
        var document = command.Document;
        var request = SubjectRightsRequest.Create(
            command.Kind, command.AskedOn, index.Of(document), document.Kind, SubjectDocuments.Label(document), command.Note, user.Actor, clock.GetUtcNow());
        db.SubjectRightsRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return RightsRequestDto.Of(request, BangkokTime.Today(clock));
    }
}
