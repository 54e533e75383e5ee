namespace CctvRequests.Application.Files;

/// <summary>The upload limits of the submission contract.</summary>
public static class UploadLimits
{
    public const long MaxFileBytes = 10L * 1024 * 1024;
    public const long MaxTotalBytes = 30L * 1024 * 1024;
    public const long MaxSignatureBytes = 1L * 1024 * 1024;
    public const int MaxSignatureWidth = 2000;
    public const int MaxSignatureHeight = 1000;

    /// <summary>Form fields are short text; anything longer is not a form field.</summary>
    public const int MaxFieldChars = 4000;

    /// <summary>Parts of one multipart body: the form has about 30; anything far beyond is not a form.</summary>
    public const int MaxSections = 40;

    /// <summary>The body may carry the files plus the form's text; Kestrel stops anything far beyond.</summary>
    public const long MaxRequestBytes = MaxTotalBytes + (2L * 1024 * 1024);
}
