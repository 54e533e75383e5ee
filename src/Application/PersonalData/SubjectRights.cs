using System.Globalization;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Audit;
using CctvRequests.Application.Common;
using CctvRequests.Application.Requests.Submit;
using CctvRequests.Application.Requests;
using CctvRequests.Application.Staff.Requests;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CctvRequests.Application.PersonalData;

// ---- Find a person ----

/// <param name="NationalId">13 digits (Thai digits, spaces and dashes accepted).</param>
/// <param name="PassportNumber">Instead: the passport number.</param>
/// <param name="PassportCountry">With a passport: ISO 3166-1 alpha-3.</param>
public sealed record SubjectForm(string? NationalId, string? PassportNumber = null, string? PassportCountry = null) : ISubjectDocument
{
    public override string ToString() => nameof(SubjectForm);
}

public sealed class SubjectFormValidator : AbstractValidator<SubjectForm>
{
    public SubjectFormValidator() => this.DocumentRules();
}

/// <summary>Every request of one person, found through the blind index; the search itself is audited (without the document).</summary>
public sealed record SearchSubjectQuery(IdentityDocument Document) : IQuery<SubjectDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.SearchSubject;

    public string? AuditReference => null;

    public override string ToString() => nameof(SearchSubjectQuery);
}

public sealed record SubjectDto(SubjectSummaryDto Subject, IReadOnlyList<SubjectRequestDto> Requests, IReadOnlyList<RightsRequestDto> RightsRequests);

public sealed record SubjectSummaryDto(string DocumentKind, string DocumentMasked, string Label);

/// <summary>One of the person's requests; <c>RetentionEndsOn</c> is the day the retention run erases a closed one (null while open or once erased).</summary>
public sealed record SubjectRequestDto(
    string ReferenceNumber, string Status, string StatusText, string StationName, DateTimeOffset SubmittedAt, DateTimeOffset? ClosedAt,
    string ApplicantName, bool Erased, DateOnly? RetentionEndsOn);

public sealed class SearchSubjectHandler(IAppDbContext db, IIdentityIndex index, IOptions<RetentionOptions> retention, TimeProvider clock, ReferenceData reference)
    : IQueryHandler<SearchSubjectQuery, SubjectDto>
{
    public async ValueTask<SubjectDto> Handle(SearchSubjectQuery query, CancellationToken cancellationToken)
    {
        var document = query.Document;
        var requests = await db.FootageRequests.AsNoTracking().OfPerson(index, document).OrderByDescending(r => r.SubmittedAt).ToListAsync(cancellationToken);
        var stations = await reference.StationsAsync(db, cancellationToken);
        var key = index.Of(document);
        var rights = await db.SubjectRightsRequests.AsNoTracking().Where(r => r.SubjectIndex == key).OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
        var today = BangkokTime.Today(clock);
        return new SubjectDto(
            new SubjectSummaryDto(document.Kind.ToString(), document.Masked, SubjectDocuments.Label(document)),
            requests.Select(r => new SubjectRequestDto(
                r.ReferenceNumber.Value, r.Status.ToString(), Lang.Of(RequestStatusText.Of(r.Status)), (stations.TryGetValue(r.StationId, out var name) ? Lang.Of(name) : r.StationId.ToString(CultureInfo.InvariantCulture)), r.SubmittedAt, r.DecidedAt,
                r.Applicant.FullName, r.ErasedAt is not null,
                r.DecidedAt is { } closed && r.ErasedAt is null ? BangkokTime.DateOf(closed).AddYears(retention.Value.Years) : null)).ToList(),
            rights.Select(r => RightsRequestDto.Of(r, today)).ToList());
    }
}

// ---- Export (access, s.30) ----

/// <summary>Everything held about the person as one ZIP: a JSON document and every file, byte for byte. Audited.</summary>
public sealed record ExportSubjectQuery(IdentityDocument Document) : IQuery<SubjectExport>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.ExportSubject;

    public string? AuditReference => null;

    public override string ToString() => nameof(ExportSubjectQuery);
}

/// <summary>The ZIP in a temporary file that deletes itself when the stream is closed.</summary>
public sealed record SubjectExport(Stream Zip, string FileName);

public sealed class ExportSubjectHandler(IAppDbContext db, IIdentityIndex index, IFileStore files, TimeProvider clock, ReferenceData reference)
    : IQueryHandler<ExportSubjectQuery, SubjectExport>
{
    public async ValueTask<SubjectExport> Handle(ExportSubjectQuery query, CancellationToken cancellationToken)
    {
        var requests = await db.FootageRequests.AsNoTracking().OfPerson(index, query.Document).WithEverything()
            .OrderBy(r => r.SubmittedAt).ToListAsync(cancellationToken);
        var stations = await reference.StationsAsync(db, cancellationToken);
        var zip = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await SubjectExportWriter.WriteAsync(zip, query.Document, requests, stations, files, clock.GetUtcNow(), cancellationToken);
            zip.Position = 0;
            return new SubjectExport(zip, $"subject-export-{BangkokTime.Today(clock):yyyyMMdd}.zip");
        }
        catch
        {
            await zip.DisposeAsync();
            throw;
        }
    }
}

// ---- Correct (s.35) ----

public sealed record CorrectApplicantForm(string? Field, string? Value, string? Note = null, Guid? RightsRequestId = null);

public sealed record CorrectApplicantCommand(ReferenceNumber Reference, string? Field, string? Value, string? Note, Guid? RightsRequestId)
    : ICommand<Unit>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.CorrectApplicant;

    public string? AuditReference => Reference.Value;

    public string? AuditDetails => $"field {Field}";

    public override string ToString() => nameof(CorrectApplicantCommand);

    public static ApplicantField? FieldOf(string? field) =>
        Enum.TryParse<ApplicantField>(field?.Trim(), ignoreCase: true, out var f) && Enum.IsDefined(f) && !int.TryParse(field, out _) ? f : null;
}

/// <summary>The new value follows the same rules as on the citizen's form, each failure named <c>value</c>.</summary>
public sealed class CorrectApplicantValidator : AbstractValidator<CorrectApplicantCommand>
{
    public const int NoteMax = 500;

    private static readonly Text UnknownField = new("ไม่มีช่องนี้ในข้อมูลผู้ยื่นที่แก้ไขได้", "This is not a field of the applicant that can be corrected.");

    public CorrectApplicantValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Field).Must(f => CorrectApplicantCommand.FieldOf(f) is not null).Says(UnknownField).OverridePropertyName("field");
        RuleFor(x => x).Custom((command, context) =>
        {
            if (CorrectApplicantCommand.FieldOf(command.Field) is not { } field)
            {
                return;
            }
            if (ValueError(field, command.Value) is { } error)
            {
                context.AddFailure("value", Lang.Of(error));
            }
        });
        RuleFor(x => x.Note).StaffText("note", NoteMax, required: null);
    }

    private static Text? ValueError(ApplicantField field, string? raw)
    {
        var form = field switch
        {
            ApplicantField.Title => SubmissionFields.Title,
            ApplicantField.FirstName => SubmissionFields.FirstName,
            ApplicantField.LastName => SubmissionFields.LastName,
            ApplicantField.Age => SubmissionFields.Age,
            ApplicantField.Ethnicity => SubmissionFields.Ethnicity,
            ApplicantField.Nationality => SubmissionFields.Nationality,
            ApplicantField.Address => SubmissionFields.Address,
            _ => SubmissionFields.Phone,
        };
        var value = raw?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return form.RequiredMessage;
        }
        return field switch
        {
            ApplicantField.Age => FormNumbers.TryParseInt(value, out var age) && age >= form.Min && age <= form.Max ? null : form.OutOfRange,
            ApplicantField.Phone => ThaiPhoneNumber.TryParse(value, out _) ? null : form.Invalid,
            _ when value.Length < form.Min => form.TooShort,
            _ when value.Length > form.Max => form.TooLong,
            _ when !TextRules.IsClean(value, form.Multiline) => TextRules.Unclean(form),
            ApplicantField.Title or ApplicantField.FirstName or ApplicantField.LastName when !NameRules.IsName(value) => form.Invalid,
            _ => null,
        };
    }
}

public sealed class CorrectApplicantHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CorrectApplicantCommand, Unit>
{
    public async ValueTask<Unit> Handle(CorrectApplicantCommand command, CancellationToken cancellationToken)
    {
        var request = await StaffRequestLoader.ForAppendAsync(db, command.Reference, cancellationToken);
        var field = CorrectApplicantCommand.FieldOf(command.Field)!.Value;
        var value = field == ApplicantField.Age && FormNumbers.TryParseInt(command.Value, out var age) ? age.ToString(CultureInfo.InvariantCulture) : command.Value!;
        var label = Lang.Of(FieldLabel(field));
        var note = $"แก้ไขข้อมูลผู้ยื่น: {label}"
                   + (string.IsNullOrWhiteSpace(command.Note) ? string.Empty : $" — {command.Note.Trim()}")
                   + (command.RightsRequestId is { } id ? $" (คำขอใช้สิทธิ {id.ToString()[..8]})" : string.Empty);
        request.CorrectApplicant(user.Actor, clock.GetUtcNow(), field, value, note);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private static Text FieldLabel(ApplicantField field) => field switch
    {
        ApplicantField.Title => SubmissionFields.Title.Label,
        ApplicantField.FirstName => SubmissionFields.FirstName.Label,
        ApplicantField.LastName => SubmissionFields.LastName.Label,
        ApplicantField.Age => SubmissionFields.Age.Label,
        ApplicantField.Ethnicity => SubmissionFields.Ethnicity.Label,
        ApplicantField.Nationality => SubmissionFields.Nationality.Label,
        ApplicantField.Address => SubmissionFields.Address.Label,
        _ => SubmissionFields.Phone.Label,
    };
}

// ---- Erase (s.33) ----

public sealed record EraseSubjectForm(string? NationalId, string? PassportNumber, string? PassportCountry, string? Reason, Guid? RightsRequestId = null) : ISubjectDocument
{
    public override string ToString() => nameof(EraseSubjectForm);
}

public sealed class EraseSubjectFormValidator : AbstractValidator<EraseSubjectForm>
{
    public const int ReasonMin = 5;
    public const int ReasonMax = 500;

    public EraseSubjectFormValidator()
    {
        this.DocumentRules();
        RuleFor(x => x.Reason)
            .Must(v => !string.IsNullOrWhiteSpace(v)).Says(new Text("กรุณาระบุเหตุผลที่ลบข้อมูล", "Give the reason for erasing."))
            .Must(v => v!.Trim().Length is >= ReasonMin and <= ReasonMax).Says(new Text($"เหตุผลยาว {ReasonMin} ถึง {ReasonMax} ตัวอักษร", $"The reason has {ReasonMin} to {ReasonMax} characters."))
            .Must(v => TextRules.IsClean(v!, multiline: true)).Says(new Text("เหตุผลมีอักขระที่ใช้ไม่ได้", "The reason contains characters that cannot be used."))
            .OverridePropertyName("reason");
    }
}

/// <summary>Every request of the person loses its personal data and files; open ones are cancelled (reason <c>Erased</c>).</summary>
public sealed record EraseSubjectCommand(IdentityDocument Document, string Reason, Guid? RightsRequestId) : ICommand<ErasureResult>
{
    public override string ToString() => nameof(EraseSubjectCommand);
}

public sealed class EraseSubjectHandler(IAppDbContext db, IIdentityIndex index, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : ICommandHandler<EraseSubjectCommand, ErasureResult>
{
    public async ValueTask<ErasureResult> Handle(EraseSubjectCommand command, CancellationToken cancellationToken)
    {
        var requests = await db.FootageRequests.OfPerson(index, command.Document).WithEverything().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var files = new List<string>();
        var cancelled = 0;
        var erased = 0;
        foreach (var request in requests.Where(r => r.ErasedAt is null))
        {
            var wasOpen = request.Status is RequestStatus.Pending or RequestStatus.Received;
            files.AddRange(request.ErasePersonalData(user.Actor, now));
            cancelled += wasOpen ? 1 : 0;
            erased++;
            audit.Record(AuditAction.EraseSubject, request.ReferenceNumber.Value, $"reason: {command.Reason.Trim()}");
        }
        await db.SaveChangesAsync(cancellationToken);
        return new ErasureResult(erased, cancelled, files);
    }
}

// ---- The rights-requests log ----

public sealed record RightsRequestForm(string? NationalId, string? PassportNumber, string? PassportCountry, string? Kind, string? AskedOn, string? Note = null) : ISubjectDocument
{
    public override string ToString() => nameof(RightsRequestForm);
}

public sealed class RightsRequestFormValidator : AbstractValidator<RightsRequestForm>
{
    public RightsRequestFormValidator(TimeProvider clock)
    {
        this.DocumentRules();
        RuleFor(x => x.Kind).Must(k => Enum.TryParse<RightsKind>(k?.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(k, out _))
            .Says(new Text("กรุณาเลือกประเภทคำขอ", "Choose the kind of request.")).OverridePropertyName("kind");
        RuleFor(x => x.AskedOn)
            .Must(v => ThaiDates.TryParseIsoDate(v, out _)).Says(new Text("กรุณาระบุวันที่ผู้ยื่นขอ (ปปปป-ดด-วว)", "Give the day the person asked (yyyy-MM-dd)."))
            .Must(v => ThaiDates.TryParseIsoDate(v, out var d) && d <= BangkokTime.Today(clock) && d >= BangkokTime.Today(clock).AddYears(-1))
            .Says(new Text("วันที่ผู้ยื่นขอต้องไม่อยู่ในอนาคตและไม่เกิน 1 ปีก่อน", "The day asked cannot be in the future or more than a year ago."))
            .OverridePropertyName("askedOn");
        RuleFor(x => x.Note).StaffText("note", SubjectRightsRequest.NoteMax, required: null);
    }
}

public sealed record LogRightsRequestCommand(IdentityDocument Document, RightsKind Kind, DateOnly AskedOn, string? Note) : ICommand<RightsRequestDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.LogRightsRequest;

    public string? AuditReference => null;

    public string? AuditDetails => $"{Kind}, asked on {AskedOn:yyyy-MM-dd}";

    public override string ToString() => nameof(LogRightsRequestCommand);
}

public sealed class LogRightsRequestHandler(IAppDbContext db, IIdentityIndex index, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<LogRightsRequestCommand, RightsRequestDto>
{
    public async ValueTask<RightsRequestDto> Handle(LogRightsRequestCommand command, CancellationToken cancellationToken)
    {
        var request = SubjectRightsRequest.Create(command.Kind, command.AskedOn, index.Of(command.Document), command.Document, command.Note, user.Actor, clock.GetUtcNow());
        db.SubjectRightsRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return RightsRequestDto.Of(request, BangkokTime.Today(clock));
    }
}

public sealed record ListRightsRequestsQuery(string? Status) : IQuery<IReadOnlyList<RightsRequestDto>>;

public sealed class ListRightsRequestsHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListRightsRequestsQuery, IReadOnlyList<RightsRequestDto>>
{
    public async ValueTask<IReadOnlyList<RightsRequestDto>> Handle(ListRightsRequestsQuery query, CancellationToken cancellationToken)
    {
        var rows = db.SubjectRightsRequests.AsNoTracking();
        rows = query.Status?.Trim().ToLowerInvariant() switch
        {
            "done" => rows.Where(r => r.DoneAt != null).OrderByDescending(r => r.DoneAt),
            "all" => rows.OrderBy(r => r.DoneAt != null).ThenBy(r => r.Deadline),
            _ => rows.Where(r => r.DoneAt == null).OrderBy(r => r.Deadline),
        };
        var today = BangkokTime.Today(clock);
        return (await rows.Take(500).ToListAsync(cancellationToken)).Select(r => RightsRequestDto.Of(r, today)).ToList();
    }
}

public sealed record CompleteRightsRequestForm(string? Note);

public sealed record CompleteRightsRequestCommand(Guid Id, string? Note) : ICommand<RightsRequestDto>, IAuditedMessage
{
    public AuditAction? AuditAction => Audit.AuditAction.CompleteRightsRequest;

    public string? AuditReference => null;

    public string? AuditDetails => $"rights request {Id}";
}

public sealed class CompleteRightsRequestValidator : AbstractValidator<CompleteRightsRequestCommand>
{
    public CompleteRightsRequestValidator() => RuleFor(x => x.Note).StaffText("note", SubjectRightsRequest.NoteMax, required: null);
}

public sealed class CompleteRightsRequestHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CompleteRightsRequestCommand, RightsRequestDto>
{
    private static readonly Text NotFound = new("ไม่พบคำขอใช้สิทธินี้", "No such rights request.");

    public async ValueTask<RightsRequestDto> Handle(CompleteRightsRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await db.SubjectRightsRequests.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken) ?? throw new NotFoundException(NotFound);
        request.Complete(user.Actor, clock.GetUtcNow(), command.Note);
        await db.SaveChangesAsync(cancellationToken);
        return RightsRequestDto.Of(request, BangkokTime.Today(clock));
    }
}

// ---- Retention, for the page ----

public sealed record RetentionStatusQuery : IQuery<RetentionStatusDto>;

public sealed record RetentionStatusDto(int Years, DateTimeOffset? LastRunAt, int? LastRunErased, DateTimeOffset? NextRunAt, int DueNow);

public sealed class RetentionStatusHandler(IAppDbContext db, IOptions<RetentionOptions> options, TimeProvider clock) : IQueryHandler<RetentionStatusQuery, RetentionStatusDto>
{
    public async ValueTask<RetentionStatusDto> Handle(RetentionStatusQuery query, CancellationToken cancellationToken)
    {
        var action = nameof(AuditAction.RetentionRun);
        var last = await db.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderByDescending(e => e.At).FirstOrDefaultAsync(cancellationToken);
        var erased = last?.Details is { } details && details.StartsWith("erased ", StringComparison.Ordinal)
                     && int.TryParse(details.AsSpan(7, details.IndexOf(' ', 7) - 7), out var n) ? n : (int?)null;
        var cutoff = clock.GetUtcNow().AddYears(-Math.Max(1, options.Value.Years));
        var due = await db.FootageRequests.PastRetention(cutoff).CountAsync(cancellationToken);
        return new RetentionStatusDto(options.Value.Years, last?.At, erased, last?.At.Add(options.Value.Interval), due);
    }
}
