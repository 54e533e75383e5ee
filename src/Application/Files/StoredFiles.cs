using CctvRequests.Domain.Common;

namespace CctvRequests.Application.Files;

/// <summary>What a reader is told about a stored file.</summary>
public static class StoredFiles
{
    /// <summary>The row names a file whose bytes are not in the store (deleted by hand, or a storage fault lost them).</summary>
    public static readonly Text Missing = new(
        "ไม่พบไฟล์นี้ในที่เก็บไฟล์ กรุณาแจ้งผู้ดูแลระบบ",
        "This file is missing from the file storage. Please tell the system administrator.");
}
