using CctvRequests.Domain.Common;

namespace CctvRequests.Domain.Requests;

/// <summary>
/// How the applicant signed (ลายมือชื่อผู้ยื่นคำร้อง): drawn in the box with a finger, pen or mouse, or
/// typed as a name that the page wrote into the same kind of image in a handwriting-style font
/// (for someone who cannot use a pointer, WCAG 2.1.1). Either way the signature is a PNG.
/// </summary>
public enum SignatureMethod
{
    /// <summary>ลงลายมือชื่อในกรอบ.</summary>
    Drawn,

    /// <summary>ลงชื่อโดยพิมพ์ชื่อ.</summary>
    Typed,
}

public static class SignatureMethodText
{
    /// <summary>How the method is named on paper (the printed form) and to staff.</summary>
    public static Text Of(SignatureMethod method) => method switch
    {
        SignatureMethod.Drawn => new("ลงลายมือชื่อในกรอบบนหน้าจอ", "Signed by hand on the screen"),
        SignatureMethod.Typed => new("ลงชื่อโดยพิมพ์ชื่อ", "Signed by typing the name"),
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
