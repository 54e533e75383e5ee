using CctvRequests.Application.Files;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Privacy;
using CctvRequests.Domain.Requests;
using CctvRequests.Domain.Stations;

namespace CctvRequests.Application.Requests.Submit;

/// <summary>The citizen's form (SPEC §2), field by field: the one list every part of the submit path reads.</summary>
public static class SubmissionFields
{
    public static readonly FormField WrittenOn = new("writtenOn", FieldKind.Date, new("วันที่เขียน", "Date of request"),
        new("กรุณากรอกวันที่เขียน", "Please enter the date of the request."))
    {
        InvalidMessage = new("กรุณากรอกวันที่เขียนเป็น วว/ดด/ปปปป (พ.ศ.) เช่น 16/02/2569", "Please type the date of the request as dd/mm/yyyy, e.g. 16/02/2026."),
        Example = "2026-02-16", Description = "yyyy-MM-dd (CE); not in the future.",
    };

    public static readonly FormField Title = new("title", FieldKind.Text, new("คำนำหน้าชื่อ", "Title"),
        new("กรุณาเลือกคำนำหน้าชื่อ", "Please choose your title."))
    {
        Min = 1, Max = RequestLimits.TitleMax, Example = "นาย",
        InvalidMessage = new("กรุณากรอกคำนำหน้าชื่อเป็นตัวอักษร ไม่ใส่ตัวเลขหรือสัญลักษณ์พิเศษ", "Please type the title in letters, without digits or special symbols."),
    };

    public static readonly FormField FirstName = Name("firstName", new("ชื่อ", "First name"), "สมศักดิ์");

    public static readonly FormField LastName = Name("lastName", new("นามสกุล", "Last name"), "ใจดี");

    public static readonly FormField NationalId = new("nationalId", FieldKind.Text, new("เลขบัตรประชาชน", "National ID number"),
        new("กรุณากรอกเลขบัตรประชาชน หรือเลขหนังสือเดินทาง", "Please enter the national ID number, or a passport number."))
    {
        Required = false, Max = 40, Example = "1112034563562",
        InvalidMessage = new("เลขบัตรประชาชนไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง", "The national ID is not valid; please check it."),
        Description = "13 digits with the Thai check digit; Thai digits, spaces and dashes are accepted. Send either this or passportNumber with passportCountry.",
    };

    public static readonly FormField PassportNumber = new("passportNumber", FieldKind.Text, new("เลขหนังสือเดินทาง", "Passport number"),
        new("กรุณากรอกเลขหนังสือเดินทาง", "Please enter the passport number."))
    {
        Required = false, Min = Domain.Common.PassportNumber.MinLength, Max = Domain.Common.PassportNumber.MaxLength * 2,
        InvalidMessage = new(
            $"กรุณากรอกเลขหนังสือเดินทางตามที่พิมพ์ในหนังสือเดินทาง (ตัวอักษรภาษาอังกฤษหรือตัวเลข {Domain.Common.PassportNumber.MinLength} ถึง {Domain.Common.PassportNumber.MaxLength} ตัว)",
            $"Please type the passport number as printed in the passport ({Domain.Common.PassportNumber.MinLength} to {Domain.Common.PassportNumber.MaxLength} letters and digits)."),
        Example = "AB1234567", Description = "For applicants who are not Thai and have no Thai national ID, with passportCountry.",
    };

    public static readonly FormField PassportCountry = new("passportCountry", FieldKind.Text, new("ประเทศที่ออกหนังสือเดินทาง", "Issuing country"),
        new("กรุณาเลือกประเทศที่ออกหนังสือเดินทาง", "Please choose the country that issued the passport."))
    {
        Required = false, Min = IdentityDocument.CountryLength, Max = IdentityDocument.CountryLength,
        InvalidMessage = new("ไม่พบประเทศที่เลือก กรุณาเลือกจากรายการ", "The chosen country was not found; please choose one from the list."),
        Example = "GBR", Description = "ISO 3166-1 alpha-3 of the country that issued the passport.",
    };

    public static readonly FormField Age = new("age", FieldKind.Integer, new("อายุ", "Age"), new("กรุณากรอกอายุ", "Please enter your age."))
    {
        Min = RequestLimits.AgeMin, Max = RequestLimits.AgeMax, Example = "35",
    };

    public static readonly FormField Ethnicity = new("ethnicity", FieldKind.Text, new("เชื้อชาติ", "Ethnicity"), new("กรุณากรอกเชื้อชาติ", "Please enter your ethnicity."))
    {
        Required = false, Max = RequestLimits.EthnicityMax, Example = "ไทย",
    };

    public static readonly FormField Nationality = new("nationality", FieldKind.Text, new("สัญชาติ", "Nationality"), new("กรุณากรอกสัญชาติ", "Please enter your nationality."))
    {
        Min = 1, Max = RequestLimits.NationalityMax, Example = "ไทย",
    };

    public static readonly FormField Address = new("address", FieldKind.Text, new("ที่อยู่ปัจจุบัน", "Current address"),
        new("กรุณากรอกที่อยู่ปัจจุบัน", "Please enter your current address."))
    {
        Min = RequestLimits.AddressMin, Max = RequestLimits.AddressMax, Multiline = true, Example = "99 หมู่ 1 ต.ศาลา อ.เกาะคา จ.ลำปาง 52130",
    };

    public static readonly FormField Phone = new("phone", FieldKind.Text, new("หมายเลขโทรศัพท์", "Phone number"),
        new("กรุณากรอกหมายเลขโทรศัพท์", "Please enter a phone number."))
    {
        Max = ThaiPhoneNumber.MaxInputLength, Example = "081-234-5678",
        InvalidMessage = new("กรุณากรอกหมายเลขโทรศัพท์ให้ครบ เช่น 081-234-5678 หรือ 02-123-4567", "Please enter a complete Thai phone number, e.g. 081-234-5678 or 02-123-4567."),
    };

    public static readonly FormField NotifyBySms = new("notifyBySms", FieldKind.Boolean, new("แจ้งผลทาง SMS ไปที่เบอร์นี้", "Send news of my request by SMS to this number"),
        new("กรุณาเลือกว่าจะรับแจ้งผลทาง SMS หรือไม่", "Please choose whether to get news by SMS."))
    {
        Required = false, Example = "false",
        InvalidMessage = new("กรุณาเลือกหรือไม่เลือกช่องแจ้งผลทาง SMS", "Tick the SMS box, or leave it unticked."),
        Unavailable = new("ระบบนี้ยังไม่ส่งแจ้งผลทาง SMS กรุณาไม่ต้องเลือกช่องนี้", "This office does not send SMS yet; please leave the box unticked."),
        Description = "Optional, true or false: news of the request by SMS to the phone number (a mobile), in the form's language. Only when GET /api/form-settings has notifications.sms.",
    };

    public static readonly FormField Email = new("email", FieldKind.Text, new("อีเมล (ถ้าต้องการรับแจ้งผลทางอีเมล)", "Email (if you would like news of your request by email)"),
        new("กรุณากรอกอีเมล", "Please enter an email address."))
    {
        Required = false, Max = EmailAddress.MaxLength, Example = "somsak@example.com",
        InvalidMessage = new(
            "กรุณากรอกอีเมลให้ถูกต้องเป็นตัวอักษรภาษาอังกฤษ เช่น somsak@example.com หรือเว้นว่างไว้",
            "Please enter a valid email address in Latin letters, e.g. somsak@example.com, or leave it empty."),
        Unavailable = new("ระบบนี้ยังไม่ส่งแจ้งผลทางอีเมล กรุณาเว้นช่องนี้ว่างไว้", "This office does not send email yet; please leave this field empty."),
        Description = "Optional: news of the request by e-mail, in the form's language. Only when GET /api/form-settings has notifications.email.",
    };

    public static readonly FormField Purpose = new("purpose", FieldKind.Choice, new("วัตถุประสงค์ที่จะขอ", "Purpose"),
        new("กรุณาเลือกวัตถุประสงค์ที่จะขอ", "Please choose what you are asking for."))
    {
        Choices = Enum.GetNames<Domain.Requests.Purpose>(), Example = nameof(Domain.Requests.Purpose.Copy),
        InvalidMessage = new("กรุณาเลือก ขอดูข้อมูลภาพ หรือ ขอสำเนาข้อมูลภาพ", "Please choose “View the footage” or “Get a copy of the footage”."),
        Description = "View (ขอดูข้อมูลภาพ) or Copy (ขอสำเนาข้อมูลภาพ).",
    };

    public static readonly FormField FileCount = new("fileCount", FieldKind.Integer, new("จำนวนไฟล์ที่ขอ", "Number of files"),
        new("กรุณากรอกจำนวนไฟล์ที่ขอ", "Please enter the number of files."))
    {
        Required = false, Min = RequestLimits.FileCountMin, Max = RequestLimits.FileCountMax, Example = "2", Description = "Required for Copy.",
        MessageName = new("จำนวนไฟล์", "number of files"),
    };

    public static readonly FormField StationId = new("stationId", FieldKind.Integer, new("เหตุเกิดบริเวณ", "Location"),
        new("กรุณาเลือกสถานที่ที่เกิดเหตุจากรายการ", "Please choose the location from the list."))
    {
        Min = 1, Max = int.MaxValue, Example = "3", InvalidMessage = RequestTexts.StationInactive, Description = "An id from GET /api/stations.",
    };

    public static readonly FormField IncidentDate = new("incidentDate", FieldKind.Date, new("วันที่เกิดเหตุ", "Incident date"),
        new("กรุณากรอกวันที่เกิดเหตุ", "Please enter the date of the incident."))
    {
        InvalidMessage = new("กรุณากรอกวันที่เกิดเหตุเป็น วว/ดด/ปปปป (พ.ศ.) เช่น 14/02/2569", "Please type the date of the incident as dd/mm/yyyy, e.g. 14/02/2026."),
        Example = "2026-02-14", Description = "yyyy-MM-dd (CE); not after writtenOn.",
    };

    public static readonly FormField IncidentTime = new("incidentTime", FieldKind.Time, new("เวลา (โดยประมาณ)", "Approximate time"),
        new("กรุณากรอกเวลาที่เกิดเหตุ (โดยประมาณ)", "Please enter the approximate time."))
    {
        InvalidMessage = new("กรุณากรอกเวลาเป็น ชช:นน เช่น 14:30", "Please enter the time as HH:mm, e.g. 14:30."), Example = "14:30",
    };

    public static readonly FormField Reason = new("reason", FieldKind.Text, new("เหตุผล/ความจำเป็น", "Reason"),
        new("กรุณากรอกเหตุผลที่ขอข้อมูลภาพ", "Please tell us why you need the footage."))
    {
        MessageName = new("เหตุผล", "reason"),
        Min = RequestLimits.ReasonMin, Max = RequestLimits.ReasonMax, Multiline = true, Example = "ต้องการขอข้อมูลภาพเหตุการณ์เพื่อค้นหากระเป๋าสตางค์ที่สูญหาย",
    };

    public static readonly FormField PrivacyAccepted = new("privacyAccepted", FieldKind.Boolean, new("ยอมรับนโยบายความเป็นส่วนตัว", "Privacy notice accepted"),
        new("กรุณาอ่านนโยบายความเป็นส่วนตัว แล้วคลิกเครื่องหมายถูกในช่องยอมรับ", "Please read the privacy notice, then tick the box to accept it."))
    {
        Example = "true", Description = "Must be true.",
    };

    public static readonly FormField PrivacyNoticeVersion = new("privacyNoticeVersion", FieldKind.Text, new("ฉบับของนโยบายความเป็นส่วนตัว", "Privacy notice version"),
        new("ไม่ทราบฉบับของนโยบายความเป็นส่วนตัวที่แสดง", "The privacy notice version is missing."))
    {
        Min = 1, Max = PrivacyNotice.VersionMax, Example = "2569-2",
        InvalidMessage = new("ฉบับของนโยบายความเป็นส่วนตัวไม่ถูกต้อง กรุณาโหลดหน้าใหม่", "The privacy notice version is not known; please reload the page."),
        Description = "The version from GET /api/privacy-notice that was shown.",
    };

    public static readonly FormField IdCardCopy = File("idCardCopy", new("สำเนาบัตรประชาชน", "Copy of your ID card"),
        new("กรุณาแนบสำเนาบัตรประชาชน", "Please attach a copy of your ID card."), required: true, UploadLimits.MaxFileBytes, 1,
        "A copy of the ID card or the passport's photo page.");

    public static readonly FormField PoliceReport = File("policeReport", new("สำเนาบันทึกแจ้งความ", "Copy of the police report"),
        new("กรุณาแนบสำเนาบันทึกแจ้งความ", "Please attach a copy of the police report."), required: false, UploadLimits.MaxFileBytes, 1,
        "Required unless the organization turned it off (policeReportRequired in GET /api/form-settings).");

    public static readonly FormField OtherDocuments = File("otherDocuments", new("เอกสารอื่น ๆ", "Other documents"),
        new("กรุณาแนบเอกสารอื่น ๆ", "Please attach the other documents."), required: false, UploadLimits.MaxFileBytes, RequestLimits.OtherDocumentsMax,
        "Optional; repeat the part for each file.");

    public static readonly FormField Signature = File("signature", new("ลายมือชื่อผู้ยื่นคำร้อง", "Signature of the applicant"),
        new("กรุณาลงลายมือชื่อในกรอบ หรือเลือกลงชื่อโดยพิมพ์ชื่อ", "Please sign in the box, or choose to sign by typing your name."), required: true, UploadLimits.MaxSignatureBytes, 1,
        $"A PNG made on the page (drawn, or the typed name written in a handwriting-style font), at most {UploadLimits.MaxSignatureWidth} × {UploadLimits.MaxSignatureHeight} pixels, not blank.");

    public static readonly FormField SignatureMethod = new("signatureMethod", FieldKind.Choice, new("วิธีลงชื่อ", "Signature method"),
        new("กรุณาเลือกวิธีลงชื่อ", "Please choose how you sign."))
    {
        Choices = Enum.GetNames<Domain.Requests.SignatureMethod>(), Example = nameof(Domain.Requests.SignatureMethod.Drawn),
        InvalidMessage = new("วิธีลงชื่อต้องเป็น ลงลายมือชื่อในกรอบ (Drawn) หรือ ลงชื่อโดยพิมพ์ชื่อ (Typed)", "The signature method must be Drawn or Typed."),
        Description = "How the signature image was made: Drawn (by hand in the box) or Typed (the applicant typed the name; the page wrote it into the image). Always sent; printed on the official form.",
    };

    /// <summary>Every field, in the order of the paper form.</summary>
    public static readonly IReadOnlyList<FormField> All =
    [
        WrittenOn, Title, FirstName, LastName, NationalId, PassportNumber, PassportCountry, Age, Ethnicity, Nationality, Address, Phone,
        NotifyBySms, Email, Purpose, FileCount, StationId, IncidentDate, IncidentTime, Reason, PrivacyAccepted, PrivacyNoticeVersion,
        IdCardCopy, PoliceReport, OtherDocuments, Signature, SignatureMethod,
    ];

    private static readonly Dictionary<string, FormField> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static FormField? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The attachment kind each file field holds.</summary>
    public static readonly IReadOnlyDictionary<string, AttachmentKind> FileKinds = new Dictionary<string, AttachmentKind>(StringComparer.Ordinal)
    {
        [IdCardCopy.Name] = AttachmentKind.IdCardCopy,
        [PoliceReport.Name] = AttachmentKind.PoliceReport,
        [OtherDocuments.Name] = AttachmentKind.Other,
        [Signature.Name] = AttachmentKind.Signature,
    };

    private static FormField Name(string name, Text label, string example) =>
        new(name, FieldKind.Text, label, new($"กรุณากรอก{label.Th}", $"Please enter your {label.En.ToLowerInvariant()}."))
        {
            Min = 1, Max = RequestLimits.NameMax, Example = example,
            InvalidMessage = new($"กรุณากรอก{label.Th}เป็นตัวอักษร ไม่ใส่ตัวเลขหรือสัญลักษณ์พิเศษ", $"Please type the {label.En.ToLowerInvariant()} in letters, without digits or special symbols."),
        };

    private static FormField File(string name, Text label, Text requiredMessage, bool required, long maxBytes, int maxCount, string description) =>
        new(name, FieldKind.File, label, requiredMessage) { Required = required, MaxBytes = maxBytes, MaxCount = maxCount, Description = description };
}
