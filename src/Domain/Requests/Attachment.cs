using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Requests;

/// <summary>เอกสารประกอบ and the signature: each stored under a random key, never under the citizen's file name.</summary>
public enum AttachmentKind
{
    /// <summary>สำเนาบัตรประชาชน.</summary>
    IdCardCopy,

    /// <summary>สำเนาบันทึกแจ้งความ.</summary>
    PoliceReport,

    /// <summary>เอกสารอื่น ๆ.</summary>
    Other,

    /// <summary>ลายมือชื่อผู้ยื่นคำร้อง, a PNG drawn on the page.</summary>
    Signature,
}

public static class AttachmentKindText
{
    public static Text Of(AttachmentKind kind) => kind switch
    {
        AttachmentKind.IdCardCopy => new("สำเนาบัตรประชาชน", "ID card copy"),
        AttachmentKind.PoliceReport => new("สำเนาบันทึกแจ้งความ", "police report"),
        AttachmentKind.Other => new("เอกสารอื่น ๆ", "other documents"),
        AttachmentKind.Signature => new("ลายมือชื่อผู้ยื่นคำร้อง", "signature"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

public sealed class Attachment
{
    private Attachment()
    {
        StorageKey = FileName = ContentType = Sha256 = string.Empty;
    }

    public Guid Id { get; private set; }
    public AttachmentKind Kind { get; private set; }

    /// <summary>Where the file store keeps the bytes; random, meaningless outside the store.</summary>
    public string StorageKey { get; private set; }

    /// <summary>The name the citizen's device gave it, for staff to recognise; never used as a path.</summary>
    public string FileName { get; private set; }

    /// <summary>Detected from the content, not from what the browser declared.</summary>
    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the bytes, to prove later that a file is the one received.</summary>
    public string Sha256 { get; private set; }

    public static Attachment Create(AttachmentKind kind, string storageKey, string fileName, string contentType, long sizeBytes, string sha256)
    {
        if (sizeBytes <= 0)
        {
            throw new DomainException("attachment.empty", new Text("ไฟล์แนบต้องไม่ว่างเปล่า", "An attachment cannot be empty."));
        }
        if (sha256.Length != 64)
        {
            throw new DomainException("attachment.hash", new Text("ไฟล์แนบต้องมีค่า SHA-256", "An attachment needs its SHA-256."));
        }
        var name = string.IsNullOrWhiteSpace(fileName) ? "file" : fileName.Trim();
        return new Attachment
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            StorageKey = Guard.Text(storageKey, nameof(storageKey), 1, RequestLimits.StorageKeyMax),
            FileName = name.Length > RequestLimits.FileNameMax ? name[..RequestLimits.FileNameMax] : name,
            ContentType = contentType,
            SizeBytes = sizeBytes,
            Sha256 = sha256,
        };
    }
}
