using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Requests.Submit;

public enum FieldKind
{
    Text,
    Date,
    Time,
    Integer,
    Choice,
    Boolean,
    File,
}

/// <summary>
/// One field of the citizen's multipart form: its contract name, kind, limits and the messages its
/// rules give. The reader, the validator, the idempotency fingerprint, the OpenAPI schema and the
/// page's rules (<c>GET /api/form-settings</c>) all read the same row.
/// </summary>
public sealed record FormField(string Name, FieldKind Kind, Text Label, Text RequiredMessage)
{
    /// <summary>Required on every form; fields required only in some cases say so in their rules.</summary>
    public bool Required { get; init; } = true;

    /// <summary>Characters for text, the value for integers.</summary>
    public int Min { get; init; }

    public int Max { get; init; }

    /// <summary>For files: bytes per file, and how many files the field takes.</summary>
    public long MaxBytes { get; init; }

    public int MaxCount { get; init; } = 1;

    /// <summary>The value is there but cannot be what the field means (a bad check digit, not a date).</summary>
    public Text? InvalidMessage { get; init; }

    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>Text that may hold line breaks (an address, a reason).</summary>
    public bool Multiline { get; init; }

    /// <summary>For the OpenAPI document.</summary>
    public string? Example { get; init; }

    public string? Description { get; init; }

    /// <summary>For an optional service the installation may not offer (e-mail, SMS): what to say when it is used anyway.</summary>
    public Text? Unavailable { get; init; }

    /// <summary>What messages call the field, when shorter than its label (เหตุผล for เหตุผล/ความจำเป็น).</summary>
    public Text? MessageName { get; init; }

    public bool IsFile => Kind == FieldKind.File;

    private string NameTh => (MessageName ?? Label).Th;

    private string NameEn => (MessageName ?? Label).En.ToLowerInvariant();

    // Each message says what to do, politely (กรุณา...), in the citizen's words.
    public Text Invalid => InvalidMessage ?? (Kind == FieldKind.Integer
        ? new($"กรุณากรอก{NameTh}เป็นตัวเลข", $"Please enter the {NameEn} as a number.")
        : new($"{NameTh}ไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง", $"The {NameEn} is not valid; please check it."));

    public Text TooShort => new($"กรุณากรอก{NameTh}อย่างน้อย {Min} ตัวอักษร", $"Please write at least {Min} characters for the {NameEn}.");

    public Text TooLong => new($"กรุณากรอก{NameTh}ไม่เกิน {Max} ตัวอักษร", $"Please keep the {NameEn} to {Max} characters or fewer.");

    public Text TooManyFiles => MaxCount == 1
        ? new("แนบไฟล์ในช่องนี้ได้เพียงไฟล์เดียว กรุณาเลือกไฟล์เดียว", "Only one file can be attached here; please choose one.")
        : new($"แนบ{NameTh}ได้ไม่เกิน {MaxCount} ไฟล์ กรุณาเลือกเฉพาะไฟล์ที่จำเป็น", $"At most {MaxCount} files can be attached as {NameEn}; please choose only those needed.");

    public Text OutOfRange => new($"กรุณากรอก{NameTh}ระหว่าง {Min} ถึง {Max}", $"Please enter a number from {Min} to {Max} for the {NameEn}.");
}
