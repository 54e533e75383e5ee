using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Privacy;

/// <summary>The rights of PDPA s.30-35 a person may ask for.</summary>
public enum RightsKind
{
    Access,
    Correction,
    Erasure,
    Objection,
}

public static class RightsKindText
{
    public static Text Of(RightsKind kind) => kind switch
    {
        RightsKind.Access => new("ขอเข้าถึงและขอรับสำเนาข้อมูล", "Access and copy"),
        RightsKind.Correction => new("ขอแก้ไขข้อมูล", "Correction"),
        RightsKind.Erasure => new("ขอลบข้อมูล", "Erasure"),
        RightsKind.Objection => new("คัดค้านการเก็บรวบรวม ใช้ หรือเปิดเผย", "Objection"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
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
    public const int LabelMax = 100;

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

    /// <summary>What a staff screen may show of the document: its kind and the masked number.</summary>
    public string SubjectLabel { get; private set; }

    public string? Note { get; private set; }
    public string CreatedById { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string? DoneById { get; private set; }
    public string? DoneByName { get; private set; }
    public string? DoneNote { get; private set; }

    public bool IsDone => DoneAt is not null;

    public static SubjectRightsRequest Create(
        RightsKind kind, DateOnly askedOn, byte[] subjectIndex, IdentityDocumentKind subjectKind, string subjectLabel, string? note, Actor by, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        Kind = kind,
        AskedOn = askedOn,
        Deadline = askedOn.AddDays(DaysToAnswer),
        SubjectIndex = subjectIndex.Length > 0 ? subjectIndex : throw new DomainException("rights.subject", new Text("ต้องระบุเจ้าของข้อมูล", "The person is needed.")),
        SubjectKind = subjectKind,
        SubjectLabel = Guard.Text(subjectLabel, nameof(subjectLabel), 1, LabelMax),
        Note = Optional(note),
        CreatedById = by.Id,
        CreatedByName = by.Name,
        CreatedAt = at.ToUniversalTime(),
    };

    /// <summary>Done once: a second time is a conflict.</summary>
    public void Complete(Actor by, DateTimeOffset at, string? note)
    {
        if (IsDone)
        {
            throw new DomainException("rights.done", new Text("คำขอนี้ทำเสร็จแล้ว", "This request is already done."));
        }
        DoneAt = at.ToUniversalTime();
        DoneById = by.Id;
        DoneByName = by.Name;
        DoneNote = Optional(note);
    }

    private static string? Optional(string? note) => string.IsNullOrWhiteSpace(note) ? null : Guard.Text(note, nameof(note), 1, NoteMax);
}
