using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Administration.ListPrivacyNotices;
using CctvRequests.Application.Audit;
using CctvRequests.Domain.Privacy;
using Mediator;

namespace CctvRequests.Application.Administration.PublishPrivacyNotice;

/// <summary>A new version of the privacy notice, published now. Published versions are never edited: consents point at them.</summary>
public sealed record PublishPrivacyNoticeCommand(string Version, string Text, string TextEn) : ICommand<PrivacyNoticeVersionDto>, IAuditedMessage, IChangesReferenceData
{
    public AuditAction? AuditAction => Audit.AuditAction.PublishPrivacyNotice;

    public string? AuditReference => null;

    public string? AuditDetails => Version;

    public override string ToString() => nameof(PublishPrivacyNoticeCommand);
}

public sealed class PublishPrivacyNoticeHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<PublishPrivacyNoticeCommand, PrivacyNoticeVersionDto>
{
    public async ValueTask<PrivacyNoticeVersionDto> Handle(PublishPrivacyNoticeCommand command, CancellationToken cancellationToken)
    {
        var notice = PrivacyNotice.Create(command.Version, command.Text, command.TextEn, clock.GetUtcNow());
        db.PrivacyNotices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        return new PrivacyNoticeVersionDto(notice.Version, notice.PublishedAt, true);
    }
}
