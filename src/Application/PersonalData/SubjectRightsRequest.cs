using CctvRequests.Application.Common;
using CctvRequests.Domain.Common;

namespace CctvRequests.Application.PersonalData;

public enum RightsKind
{
    Access,
    Correction,
    Erasure,
    Objection,
}

/// <summary>
/// A data subject's request under PDPA s.30-35, logged with the day the person asked and the
/// 30-day deadline until it is done. The person is kept as the blind index of their document and a
/// masked label, never the number itself.
/// </summary>
public sealed class SubjectRightsRequest
{
    public const int DaysToAnswer = 30;
    public const int NoteMax = 1000;

    private SubjectRightsRequest()
    {
        SubjectIndex = [];
        SubjectLabel = CreatedById = CreatedByName = string.Empty;
    }

    public Guid Id { get; private set; }
    public RightsKind Kind { get; private set; }
    public DateOnly AskedOn { get; private set; }
    public DateOnly Deadline { get; private set; }
    public byte[] SubjectIndex { get; private set; }
    public IdentityDocumentKind SubjectKind { get; private set; }
    public string SubjectLabel { get; private set; }
    public string? Note { get; private set; }
    public string CreatedById { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string? DoneById { get; private set; }
    public string? DoneByName { get; private set; }
    public string? DoneNote { get; private set; }

    public static SubjectRightsRequest Create(RightsKind kind, DateOnly askedOn, byte[] subjectIndex, IdentityDocument document, string? note, Actor by, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        Kind = kind,
        AskedOn = askedOn,
        Deadline = askedOn.AddDays(DaysToAnswer),
        SubjectIndex = subjectIndex,
        SubjectKind = document.Kind,
        SubjectLabel = SubjectDocuments.Label(document),
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        CreatedById = by.Id,
        CreatedByName = by.Name,
        CreatedAt = at.ToUniversalTime(),
    };

    public void Complete(Actor by, DateTimeOffset at, string? note)
    {
        if (DoneAt is not null)
        {
            throw new ConflictException(new Text("คำขอนี้ทำเสร็จแล้ว", "This request is already done."));
        }
        DoneAt = at.ToUniversalTime();
        DoneById = by.Id;
        DoneByName = by.Name;
        DoneNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

public sealed record RightsRequestDto(
    Guid Id, string Kind, string KindText, DateOnly AskedOn, DateOnly Deadline, int? DaysLeft, string Status, DateTimeOffset? DoneAt,
    string? Note, string SubjectLabel, string CreatedByName, DateTimeOffset CreatedAt, string? DoneByName, string? DoneNote)
{
    public static RightsRequestDto Of(SubjectRightsRequest r, DateOnly today) => new(
        r.Id, r.Kind.ToString(), Lang.Of(RightsTexts.Of(r.Kind)), r.AskedOn, r.Deadline,
        r.DoneAt is null ? r.Deadline.DayNumber - today.DayNumber : null, r.DoneAt is null ? "Open" : "Done", r.DoneAt,
        r.Note, r.SubjectLabel, r.CreatedByName, r.CreatedAt, r.DoneByName, r.DoneNote);
}

public static class RightsTexts
{
    public static Text Of(RightsKind kind) => kind switch
    {
        RightsKind.Access => new("ขอเข้าถึงและขอรับสำเนาข้อมูล", "Access and copy"),
        RightsKind.Correction => new("ขอแก้ไขข้อมูล", "Correction"),
        RightsKind.Erasure => new("ขอลบข้อมูล", "Erasure"),
        _ => new("คัดค้านการเก็บรวบรวม ใช้ หรือเปิดเผย", "Objection"),
    };
}
