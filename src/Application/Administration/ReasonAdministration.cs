using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Application.Administration;

public sealed record ReasonDto(string Code, string LabelTh, string LabelEn, bool IsActive, int SortOrder);

public sealed record ListReasonsQuery : IQuery<IReadOnlyList<ReasonDto>>;

public sealed record ReasonForm(string? LabelTh, string? LabelEn, bool? IsActive, int? SortOrder);

public sealed record CreateReasonCommand(string? Code, ReasonForm Form) : ICommand<ReasonDto>, IAuditedMessage, IChangesReferenceData
{
    public AuditAction? AuditAction => Audit.AuditAction.CreateCancellationReason;

    public string? AuditReference => null;

    public string? AuditDetails => Code;
}

public sealed record UpdateReasonCommand(string Code, ReasonForm Form) : ICommand<ReasonDto>, IAuditedMessage, IChangesReferenceData
{
    public AuditAction? AuditAction => Audit.AuditAction.UpdateCancellationReason;

    public string? AuditReference => null;

    public string? AuditDetails => Code;
}

public sealed class ReasonFormRules : AbstractValidator<ReasonForm>
{
    public ReasonFormRules()
    {
        foreach (var (member, name) in new (System.Linq.Expressions.Expression<Func<ReasonForm, string?>>, string)[] { (x => x.LabelTh, "labelTh"), (x => x.LabelEn, "labelEn") })
        {
            RuleFor(member)
                .Must(v => !string.IsNullOrWhiteSpace(v)).Says(new Text("กรุณากรอกข้อความ", "Please write the label."))
                .Must(v => v!.Trim().Length <= CancellationReason.LabelMax).Says(UpdateOrganizationValidator.TooLong(CancellationReason.LabelMax))
                .Must(v => TextRules.IsClean(v!, multiline: false)).Says(new Text("มีอักขระที่ใช้ไม่ได้", "Contains characters that cannot be used."))
                .OverridePropertyName(name);
        }
    }
}

public sealed class CreateReasonValidator : AbstractValidator<CreateReasonCommand>
{
    public CreateReasonValidator(IAppDbContext db)
    {
        RuleFor(x => x.Code)
            .Must(CancellationReason.IsWellFormedCode)
            .Says(new Text($"รหัสต้องเป็นตัวอักษรภาษาอังกฤษและตัวเลข ขึ้นต้นด้วยตัวอักษร 2 ถึง {CancellationReason.CodeMax} ตัว",
                $"A code is 2 to {CancellationReason.CodeMax} letters and digits, starting with a letter."))
            .MustAsync(async (v, ct) => !await db.CancellationReasons.AnyAsync(r => r.Code == v, ct))
            .Says(new Text("มีรหัสนี้แล้ว", "This code exists already."));
        RuleFor(x => x.Form).SetValidator(new ReasonFormRules()).OverridePropertyName(string.Empty);
    }
}

public sealed class UpdateReasonValidator : AbstractValidator<UpdateReasonCommand>
{
    public UpdateReasonValidator() => RuleFor(x => x.Form).SetValidator(new ReasonFormRules()).OverridePropertyName(string.Empty);
}

public sealed class ReasonHandlers(IAppDbContext db) :
    IQueryHandler<ListReasonsQuery, IReadOnlyList<ReasonDto>>,
    ICommandHandler<CreateReasonCommand, ReasonDto>,
    ICommandHandler<UpdateReasonCommand, ReasonDto>
{
    public static readonly Text NotFound = new("ไม่พบเหตุผลนี้", "No such reason.");
    public static readonly Text SystemReason = new("เหตุผลนี้ระบบใช้เอง แก้ไขไม่ได้", "The system uses this reason itself; it cannot be changed.");

    public async ValueTask<IReadOnlyList<ReasonDto>> Handle(ListReasonsQuery query, CancellationToken cancellationToken) =>
        await db.CancellationReasons.AsNoTracking().Where(r => !r.IsSystem).OrderBy(r => r.SortOrder).ThenBy(r => r.Code)
            .Select(r => new ReasonDto(r.Code, r.LabelTh, r.LabelEn, r.IsActive, r.SortOrder)).ToListAsync(cancellationToken);

    public async ValueTask<ReasonDto> Handle(CreateReasonCommand command, CancellationToken cancellationToken)
    {
        var f = command.Form;
        var reason = CancellationReason.Create(command.Code!, new Text(f.LabelTh!.Trim(), f.LabelEn!.Trim()), f.IsActive ?? true, f.SortOrder ?? 0);
        db.CancellationReasons.Add(reason);
        await db.SaveChangesAsync(cancellationToken);
        return Dto(reason);
    }

    public async ValueTask<ReasonDto> Handle(UpdateReasonCommand command, CancellationToken cancellationToken)
    {
        var reason = await db.CancellationReasons.SingleOrDefaultAsync(r => r.Code == command.Code, cancellationToken) ?? throw new NotFoundException(NotFound);
        if (reason.IsSystem)
        {
            throw new ConflictException(SystemReason);
        }
        var f = command.Form;
        reason.Update(new Text(f.LabelTh!.Trim(), f.LabelEn!.Trim()), f.IsActive ?? true, f.SortOrder ?? 0);
        await db.SaveChangesAsync(cancellationToken);
        return Dto(reason);
    }

    private static ReasonDto Dto(CancellationReason r) => new(r.Code, r.LabelTh, r.LabelEn, r.IsActive, r.SortOrder);
}
