using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Audit.ListAuditEntries;

/// <summary>The audit log, newest first, for administrators. Reading it is itself recorded.</summary>
public sealed record ListAuditEntriesQuery(string? ReferenceNumber, string? UserEmail, AuditAction? Action, DateOnly? From, DateOnly? To, int Page, int PageSize)
    : IQuery<AuditPageDto>, IAuditedMessage
{
    AuditAction? IAuditedMessage.AuditAction => Audit.AuditAction.ViewAudit;

    public string? AuditReference => null;
}

public sealed record AuditPageDto(IReadOnlyList<AuditEntryDto> Items, int Total, int Page, int PageSize, IReadOnlyList<CodeTextDto> Actions);

public sealed record AuditEntryDto(Guid Id, DateTimeOffset At, string? UserEmail, string? UserName, string Action, string ActionText, string? ReferenceNumber, string ClientAddress, string? Details);

/// <summary>The audit filters as they came in the query string.</summary>
public sealed record AuditForm(string? ReferenceNumber = null, string? UserEmail = null, string? Action = null, string? From = null, string? To = null, string? Page = null, string? PageSize = null)
{
    public const int MaxPageSize = 200;

    public ListAuditEntriesQuery ToQuery() => new(
        string.IsNullOrWhiteSpace(ReferenceNumber) ? null : ReferenceNumber.Trim().ToUpperInvariant(),
        string.IsNullOrWhiteSpace(UserEmail) ? null : UserEmail.Trim(),
        string.IsNullOrWhiteSpace(Action) ? null : Enum.Parse<AuditAction>(Action, ignoreCase: true),
        ThaiDates.TryParseIsoDate(From, out var from) ? from : null,
        ThaiDates.TryParseIsoDate(To, out var to) ? to : null,
        FormNumbers.TryParseInt(Page, out var page) ? page : 1,
        FormNumbers.TryParseInt(PageSize, out var size) ? size : 50);
}

public sealed class AuditFormValidator : AbstractValidator<AuditForm>
{
    public AuditFormValidator()
    {
        RuleFor(x => x.ReferenceNumber).MaximumLength(Domain.Requests.ReferenceNumber.MaxLength).Says(new Text("เลขที่คำร้องยาวเกินไป", "The reference number is too long."));
        RuleFor(x => x.UserEmail).MaximumLength(AuditEntry.EmailMax).Says(new Text("อีเมลยาวเกินไป", "The e-mail is too long."));
        RuleFor(x => x.Action).Must(v => string.IsNullOrWhiteSpace(v) || (Enum.TryParse<AuditAction>(v, true, out var a) && Enum.IsDefined(a) && !int.TryParse(v, out _)))
            .Says(new Text("ไม่รู้จักรายการนี้", "Unknown action."));
        RuleFor(x => x.From).Must(v => string.IsNullOrWhiteSpace(v) || ThaiDates.TryParseIsoDate(v, out _)).Says(new Text("วันที่ต้องอยู่ในรูปแบบ yyyy-MM-dd", "Dates are yyyy-MM-dd."));
        RuleFor(x => x.To).Must(v => string.IsNullOrWhiteSpace(v) || ThaiDates.TryParseIsoDate(v, out _)).Says(new Text("วันที่ต้องอยู่ในรูปแบบ yyyy-MM-dd", "Dates are yyyy-MM-dd."));
        RuleFor(x => x.Page).Must(v => string.IsNullOrWhiteSpace(v) || (FormNumbers.TryParseInt(v, out var n) && n >= 1)).Says(new Text("หน้าต้องเป็นตัวเลขตั้งแต่ 1", "Page is a number from 1."));
        RuleFor(x => x.PageSize).Must(v => string.IsNullOrWhiteSpace(v) || (FormNumbers.TryParseInt(v, out var n) && n is >= 1 and <= AuditForm.MaxPageSize))
            .Says(new Text($"จำนวนต่อหน้าต้องอยู่ระหว่าง 1 ถึง {AuditForm.MaxPageSize}", $"Page size is 1 to {AuditForm.MaxPageSize}."));
    }
}

public sealed class ListAuditEntriesHandler(IAppDbContext db) : IQueryHandler<ListAuditEntriesQuery, AuditPageDto>
{
    public async ValueTask<AuditPageDto> Handle(ListAuditEntriesQuery query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (query.ReferenceNumber is { } reference)
        {
            entries = entries.Where(e => e.ReferenceNumber == reference);
        }
        if (query.UserEmail is { } email)
        {
            var lowered = email.ToLowerInvariant();
            entries = entries.Where(e => e.UserEmail != null && e.UserEmail.ToLower() == lowered);
        }
        if (query.Action is { } action)
        {
            var code = action.ToString();
            entries = entries.Where(e => e.Action == code);
        }
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), BangkokTime.Offset).ToUniversalTime();
            entries = entries.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), BangkokTime.Offset).ToUniversalTime();
            entries = entries.Where(e => e.At < end);
        }
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new AuditPageDto(
            page.Select(e => new AuditEntryDto(e.Id, e.At, e.UserEmail, e.UserName, e.Action,
                Enum.TryParse<AuditAction>(e.Action, out var a) ? Lang.Of(AuditActionText.Of(a)) : e.Action, e.ReferenceNumber, e.ClientAddress, e.Details)).ToList(),
            total,
            query.Page,
            query.PageSize,
            Enum.GetValues<AuditAction>().Select(a => new CodeTextDto(a.ToString(), Lang.Of(AuditActionText.Of(a)))).ToList());
    }
}
