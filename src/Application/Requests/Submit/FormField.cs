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

    public bool IsFile => Kind == FieldKind.File;

    public Text Invalid => InvalidMessage ?? new Text($"{Label.Th}ไม่ถูกต้อง", $"The {Label.En.ToLowerInvariant()} is not valid.");

    public Text TooShort => new($"{Label.Th}ต้องมีอย่างน้อย {Min} ตัวอักษร", $"The {Label.En.ToLowerInvariant()} must be at least {Min} characters.");

    public Text TooLong => new($"{Label.Th}ต้องไม่เกิน {Max} ตัวอักษร", $"The {Label.En.ToLowerInvariant()} must be at most {Max} characters.");

    public Text TooManyFiles => MaxCount == 1
        ? new("แนบไฟล์ในช่องนี้ได้เพียงไฟล์เดียว", "Only one file can be attached here.")
        : new($"แนบ{Label.Th}ได้ไม่เกิน {MaxCount} ไฟล์", $"At most {MaxCount} files can be attached as {Label.En.ToLowerInvariant()}.");

    public Text OutOfRange => new($"{Label.Th}ต้องอยู่ระหว่าง {Min} ถึง {Max}", $"The {Label.En.ToLowerInvariant()} must be between {Min} and {Max}.");
}
