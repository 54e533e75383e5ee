using System.Text.RegularExpressions;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Privacy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Administration;

public sealed record PrivacyNoticeVersionDto(string Version, DateTimeOffset PublishedAt, bool Current);

public sealed record ListPrivacyNoticesQuery : IQuery<IReadOnlyList<PrivacyNoticeVersionDto>>;

/// <summary>A new version of the privacy notice, published now. Published versions are never edited: consents point at them.</summary>
public sealed record PublishPrivacyNoticeCommand(string? Version, string? Text, string? TextEn) : ICommand<PrivacyNoticeVersionDto>, IAuditedMessage, IChangesReferenceData
{
    public const int TextMax = 20_000;

    public AuditAction? AuditAction => Audit.AuditAction.PublishPrivacyNotice;

    public string? AuditReference => null;

    public string? AuditDetails => Version;
}

public sealed partial class PublishPrivacyNoticeValidator : AbstractValidator<PublishPrivacyNoticeCommand>
{
    public PublishPrivacyNoticeValidator(IAppDbContext db)
    {
        RuleFor(x => x.Version)
            .Must(v => v is not null && VersionPattern().IsMatch(v.Trim()))
            .Says(new Text($"ฉบับต้องเป็นตัวอักษร ตัวเลข จุด หรือขีด ไม่เกิน {PrivacyNotice.VersionMax} ตัว เช่น 2569-2",
                $"A version is letters, digits, dots or dashes, at most {PrivacyNotice.VersionMax}, e.g. 2569-2."))
            .MustAsync(async (v, ct) => !await db.PrivacyNotices.AnyAsync(n => n.Version == v!.Trim(), ct))
            .Says(new Text("มีฉบับนี้แล้ว ฉบับที่เผยแพร่แล้วแก้ไขไม่ได้ กรุณาตั้งฉบับใหม่", "This version exists; published versions are never edited, so name a new one."));
        foreach (var (member, name) in new (System.Linq.Expressions.Expression<Func<PublishPrivacyNoticeCommand, string?>>, string)[] { (x => x.Text, "text"), (x => x.TextEn, "textEn") })
        {
            RuleFor(member)
                .Must(v => !string.IsNullOrWhiteSpace(v)).Says(new Text("กรุณากรอกข้อความนโยบาย", "Please write the notice."))
                .Must(v => v!.Length <= PublishPrivacyNoticeCommand.TextMax).Says(UpdateOrganizationValidator.TooLong(PublishPrivacyNoticeCommand.TextMax))
                .Must(v => TextRules.IsClean(v!, multiline: true)).Says(new Text("มีอักขระที่ใช้ไม่ได้", "Contains characters that cannot be used."))
                .OverridePropertyName(name);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.-]{0,49}$")]
    private static partial Regex VersionPattern();
}

public sealed class PrivacyNoticeHandlers(IAppDbContext db, TimeProvider clock) :
    IQueryHandler<ListPrivacyNoticesQuery, IReadOnlyList<PrivacyNoticeVersionDto>>,
    ICommandHandler<PublishPrivacyNoticeCommand, PrivacyNoticeVersionDto>
{
    public async ValueTask<IReadOnlyList<PrivacyNoticeVersionDto>> Handle(ListPrivacyNoticesQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var all = await db.PrivacyNotices.AsNoTracking().OrderByDescending(n => n.PublishedAt)
            .Select(n => new { n.Version, n.PublishedAt }).ToListAsync(cancellationToken);
        var current = all.FirstOrDefault(n => n.PublishedAt <= now)?.Version;
        return all.Select(n => new PrivacyNoticeVersionDto(n.Version, n.PublishedAt, n.Version == current)).ToList();
    }

    public async ValueTask<PrivacyNoticeVersionDto> Handle(PublishPrivacyNoticeCommand command, CancellationToken cancellationToken)
    {
        var notice = PrivacyNotice.Create(command.Version!.Trim(), command.Text!.Trim(), command.TextEn!.Trim(), clock.GetUtcNow());
        db.PrivacyNotices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        return new PrivacyNoticeVersionDto(notice.Version, notice.PublishedAt, true);
    }
}
