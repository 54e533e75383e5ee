using System.Globalization;
using System.Net.Http.Headers;

namespace CctvRequests.TestSupport;

/// <summary>
/// A complete, valid citizen's form for <c>POST /api/requests</c>; tests change or remove one
/// field or file at a time.
/// </summary>
public sealed class SubmissionForm
{
    public static DateOnly TodayInBangkok => TestClock.Today;

    public Dictionary<string, string> Fields { get; } = new()
    {
        ["writtenOn"] = Iso(TodayInBangkok),
        ["title"] = "นาย",
        ["firstName"] = "สมศักดิ์",
        ["lastName"] = "ใจดี",
        ["nationalId"] = NationalIds.New(),
        ["age"] = "35",
        ["ethnicity"] = "ไทย",
        ["nationality"] = "ไทย",
        ["address"] = "99 หมู่ 1 ต.ศาลา อ.เกาะคา จ.ลำปาง 52130",
        ["phone"] = "081-234-5678",
        ["purpose"] = "Copy",
        ["fileCount"] = "2",
        ["stationId"] = "3",
        ["incidentDate"] = Iso(TodayInBangkok.AddDays(-2)),
        ["incidentTime"] = "14:30",
        ["reason"] = "ต้องการขอข้อมูลภาพเหตุการณ์เพื่อค้นหากระเป๋าสตางค์ที่สูญหาย",
        ["privacyAccepted"] = "true",
        ["privacyNoticeVersion"] = "2569-2",
        ["signatureMethod"] = "Drawn",
    };

    public List<(string Field, string FileName, byte[] Content, string DeclaredType)> Files { get; } =
    [
        ("idCardCopy", "บัตรประชาชน.pdf", SampleFiles.Pdf("ID card"), "application/pdf"),
        ("policeReport", "police-report.jpg", SampleFiles.Jpeg(), "image/jpeg"),
        ("otherDocuments", "receipt.pdf", SampleFiles.Pdf("receipt"), "application/pdf"),
        ("signature", "signature.png", SampleFiles.Signature(), "image/png"),
    ];

    /// <summary>Parts sent as well as <see cref="Fields"/>, even under a name already there.</summary>
    public List<(string Name, string Value)> ExtraParts { get; } = [];

    public string NationalId => Fields["nationalId"];

    /// <summary>An applicant who is not Thai, identified by a passport instead of a national ID.</summary>
    public SubmissionForm WithPassport(string number = "XK1234567", string country = "GBR", string nationality = "British")
    {
        Fields.Remove("nationalId");
        Fields["passportNumber"] = number;
        Fields["passportCountry"] = country;
        Fields["nationality"] = nationality;
        return this;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public SubmissionForm Set(string field, string value)
    {
        Fields[field] = value;
        return this;
    }

    public SubmissionForm Without(string fieldOrFile)
    {
        Fields.Remove(fieldOrFile);
        Files.RemoveAll(f => f.Field == fieldOrFile);
        return this;
    }

    public SubmissionForm WithFile(string field, string fileName, byte[] content, string declaredType = "application/octet-stream")
    {
        if (field != "otherDocuments")
        {
            Files.RemoveAll(f => f.Field == field);
        }
        Files.Add((field, fileName, content, declaredType));
        return this;
    }

    public MultipartFormDataContent ToContent()
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in Fields)
        {
            content.Add(new StringContent(value), name);
        }
        foreach (var (name, value) in ExtraParts)
        {
            content.Add(new StringContent(value), name);
        }
        foreach (var (field, fileName, bytes, declaredType) in Files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
            content.Add(part, field, fileName);
        }
        return content;
    }
}
