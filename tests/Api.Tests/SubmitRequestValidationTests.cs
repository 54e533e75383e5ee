using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>Each rule of the form, broken alone, answers 400 naming exactly that field, and stores nothing.</summary>
public class SubmitRequestValidationTests(ApiFactory factory) : ApiTest(factory)
{
    private static DateOnly Today => SubmissionForm.TodayInBangkok;

    public static TheoryData<string, string, Action<SubmissionForm>> Rules() => new()
    {
        { "writtenOn missing", "writtenOn", f => f.Without("writtenOn") },
        { "writtenOn not a calendar date", "writtenOn", f => f.Set("writtenOn", "2026-02-30") },
        { "writtenOn in BE instead of ISO", "writtenOn", f => f.Set("writtenOn", "16/02/2569") },
        { "writtenOn in the future", "writtenOn", f => f.Set("writtenOn", SubmissionForm.Iso(Today.AddDays(1))) },
        { "title missing", "title", f => f.Without("title") },
        { "title too long", "title", f => f.Set("title", new string('ก', 41)) },
        { "firstName missing", "firstName", f => f.Set("firstName", "  ") },
        { "firstName too long", "firstName", f => f.Set("firstName", new string('ก', 101)) },
        { "firstName with digits", "firstName", f => f.Set("firstName", "สมศักดิ์2") },
        { "lastName missing", "lastName", f => f.Without("lastName") },
        { "nationalId missing", "nationalId", f => f.Without("nationalId") },
        { "nationalId wrong check digit", "nationalId", f => f.Set("nationalId", NationalIds.WithWrongCheckDigit(f.NationalId)) },
        { "nationalId 12 digits", "nationalId", f => f.Set("nationalId", f.NationalId[..12]) },
        { "nationalId first digit 9", "nationalId", f => f.Set("nationalId", "9" + f.NationalId[1..]) },
        { "nationalId letters", "nationalId", f => f.Set("nationalId", "11120345635AB") },
        { "age missing", "age", f => f.Without("age") },
        { "age not a number", "age", f => f.Set("age", "thirty") },
        { "age 0", "age", f => f.Set("age", "0") },
        { "age 121", "age", f => f.Set("age", "121") },
        { "ethnicity too long", "ethnicity", f => f.Set("ethnicity", new string('ก', 51)) },
        { "nationality missing", "nationality", f => f.Without("nationality") },
        { "address missing", "address", f => f.Without("address") },
        { "address too short", "address", f => f.Set("address", "ลป") },
        { "address too long", "address", f => f.Set("address", new string('ก', 501)) },
        { "phone missing", "phone", f => f.Without("phone") },
        { "phone with a wrong prefix", "phone", f => f.Set("phone", "0123456789") },
        { "phone incomplete", "phone", f => f.Set("phone", "081234567") },
        { "purpose missing", "purpose", f => f.Without("purpose") },
        { "purpose unknown", "purpose", f => f.Set("purpose", "Borrow") },
        { "fileCount missing for Copy", "fileCount", f => f.Without("fileCount") },
        { "fileCount 0", "fileCount", f => f.Set("fileCount", "0") },
        { "fileCount 51", "fileCount", f => f.Set("fileCount", "51") },
        { "stationId missing", "stationId", f => f.Without("stationId") },
        { "stationId not a number", "stationId", f => f.Set("stationId", "park") },
        { "stationId unknown", "stationId", f => f.Set("stationId", "999") },
        { "stationId inactive", "stationId", f => f.Set("stationId", InactiveStationId.ToString()) },
        { "incidentDate missing", "incidentDate", f => f.Without("incidentDate") },
        { "incidentDate not a calendar date", "incidentDate", f => f.Set("incidentDate", "2026-13-01") },
        { "incidentDate in the future", "incidentDate", f => f.Set("incidentDate", SubmissionForm.Iso(Today.AddDays(1))).Set("writtenOn", SubmissionForm.Iso(Today)) },
        { "incidentDate after writtenOn", "incidentDate", f => f.Set("writtenOn", SubmissionForm.Iso(Today.AddDays(-5))).Set("incidentDate", SubmissionForm.Iso(Today.AddDays(-3))) },
        { "incidentTime missing", "incidentTime", f => f.Without("incidentTime") },
        { "incidentTime not a time", "incidentTime", f => f.Set("incidentTime", "25:00") },
        { "reason missing", "reason", f => f.Without("reason") },
        { "reason shorter than 10", "reason", f => f.Set("reason", "หาของหาย") },
        { "reason longer than 2000", "reason", f => f.Set("reason", new string('ก', 2001)) },
        { "privacy box not ticked", "privacyAccepted", f => f.Without("privacyAccepted") },
        { "privacy box false", "privacyAccepted", f => f.Set("privacyAccepted", "false") },
        { "privacyNoticeVersion missing", "privacyNoticeVersion", f => f.Without("privacyNoticeVersion") },
        { "privacyNoticeVersion unknown", "privacyNoticeVersion", f => f.Set("privacyNoticeVersion", "2500-9") },
        { "idCardCopy missing", "idCardCopy", f => f.Without("idCardCopy") },
        { "policeReport missing", "policeReport", f => f.Without("policeReport") },
        { "signature missing", "signature", f => f.Without("signature") },
        { "signature blank", "signature", f => f.WithFile("signature", "signature.png", SampleFiles.BlankSignature(), "image/png") },
        { "signature larger than 2000 x 1000", "signature", f => f.WithFile("signature", "signature.png", SampleFiles.Signature(2001, 120), "image/png") },
        { "signatureMethod missing (never assumed)", "signatureMethod", f => f.Without("signatureMethod") },
        { "signatureMethod unknown", "signatureMethod", f => f.Set("signatureMethod", "Stamped") },
        { "signatureMethod as a number", "signatureMethod", f => f.Set("signatureMethod", "1") },
        { "six other documents", "otherDocuments", f =>
            {
                for (var i = 0; i < 5; i++)
                {
                    f.WithFile("otherDocuments", $"other{i}.pdf", SampleFiles.Pdf(), "application/pdf");
                }
            }
        },
        { "an empty file", "policeReport", f => f.WithFile("policeReport", "report.pdf", [], "application/pdf") },
        { "both a national ID and a passport", "passportNumber", f => f.Set("passportNumber", "XK1234567").Set("passportCountry", "GBR") },
        { "passport without its country", "passportCountry", f => f.WithPassport().Without("passportCountry") },
        { "passport country without a number", "passportNumber", f => f.WithPassport().Without("passportNumber") },
        { "passport country unknown", "passportCountry", f => f.WithPassport(country: "XYZ") },
        { "passport number too short", "passportNumber", f => f.WithPassport(number: "AB12") },
        { "passport number with symbols", "passportNumber", f => f.WithPassport(number: "AB#123456") },
        { "a Thai national with a passport", "passportNumber", f => f.WithPassport(nationality: "ไทย") },
        { "a Thai passport", "passportNumber", f => f.WithPassport(country: "THA") },
        { "title with digits", "title", f => f.Set("title", "นาย1") },
        { "writtenOn 31 days ago", "writtenOn", f => f.Set("writtenOn", SubmissionForm.Iso(Today.AddDays(-31))).Set("incidentDate", SubmissionForm.Iso(Today.AddDays(-40))) },
        { "incidentDate with a BE year typed as CE (in the future)", "incidentDate", f => f.Set("incidentDate", SubmissionForm.Iso(Today.AddYears(543))) },
        { "incidentDate with a CE year typed as BE and converted again", "incidentDate", f => f.Set("incidentDate", SubmissionForm.Iso(Today.AddYears(-543))) },
        { "firstName with HTML", "firstName", f => f.Set("firstName", "<b>สม</b>") },
        { "address with a NUL", "address", f => f.Set("address", "99 หมู่ 1\0 ต.ศาลา") },
        { "reason with a right-to-left override", "reason", f => f.Set("reason", "ต้องการขอข้อมูลภาพ \u202Egnp.exe") },
        { "nationality with a zero-width joiner", "nationality", f => f.Set("nationality", "ไ\u200Dทย") },
        { "a field the form does not have", "surname", f => f.ExtraParts.Add(("surname", "ใจดี")) },
        { "a field sent twice", "firstName", f => f.ExtraParts.Add(("firstName", "สมชาย")) },
    };

    private const int InactiveStationId = 900;

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task BrokenRule_Answers400NamingThatFieldOnly(string rule, string field, Action<SubmissionForm> breakIt)
    {
        await EnsureInactiveStationAsync();
        var form = new SubmissionForm();
        breakIt(form);

        var response = await SubmitAsync(form);

        await AssertProblemAsync(response, 400);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        var names = errors.EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(names.SequenceEqual([field]), $"{rule}: expected only '{field}', got {string.Join(", ", names)}");
        var message = errors.GetProperty(field)[0].GetString()!;
        Assert.Matches(@"\p{IsThai}", message);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AFieldStartingWithAnInvisibleByteOrderMark_Answers400NamingIt()
    {
        // A reader of UTF-8 drops a leading U+FEFF unless told not to: the rule must see it.
        var response = await SubmitAsync(new SubmissionForm().Set("ethnicity", "\uFEFFไทย"));

        await AssertProblemAsync(response, 400);
        Assert.Equal(["ethnicity"], (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Messages_AreInEnglish_WhenAcceptLanguagePrefersEnglish()
    {
        var form = new SubmissionForm().Set("nationalId", "1112034563563").Set("phone", "0123456789");
        var response = await SubmitAsync(form, language: "en-US");
        await AssertProblemAsync(response, 400);
        var body = await JsonAsync(response);
        Assert.Equal("The national ID is not valid; please check it.", body.GetProperty("errors").GetProperty("nationalId")[0].GetString());
        Assert.DoesNotMatch(@"\p{IsThai}", body.GetProperty("errors").GetProperty("phone")[0].GetString()!);
        Assert.DoesNotMatch(@"\p{IsThai}", body.GetProperty("title").GetString()!);
    }

    [Theory]
    [InlineData("reason", "หาของหาย", "กรุณากรอกเหตุผลอย่างน้อย 10 ตัวอักษร")]
    [InlineData("address", "99 หมู่ 1\0 ต.ศาลา", "ที่อยู่ปัจจุบันมีอักขระพิเศษที่ระบบรับไม่ได้ (มักเกิดจากการคัดลอกมาวาง) กรุณาพิมพ์ใหม่")]
    [InlineData("passportCountry", "XYZ", "ไม่พบประเทศที่เลือก กรุณาเลือกจากรายการ")]
    [InlineData("incidentDate", "2026-13-01", "กรุณากรอกวันที่เกิดเหตุเป็น วว/ดด/ปปปป (พ.ศ.) เช่น 14/02/2569")]
    [InlineData("signatureMethod", null, "กรุณาเลือกวิธีลงชื่อ")]
    public async Task Messages_TellTheCitizenWhatToDo_Politely(string field, string? value, string expected)
    {
        var form = field == "passportCountry" ? new SubmissionForm().WithPassport(country: value!) : new SubmissionForm();
        if (field != "passportCountry")
        {
            if (value is null)
            {
                form.Without(field);
            }
            else
            {
                form.Set(field, value);
            }
        }

        var response = await SubmitAsync(form);

        await AssertProblemAsync(response, 400);
        Assert.Equal(expected, (await JsonAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task AFileOfTheWrongType_IsRefusedWithWhatToDo()
    {
        var response = await SubmitAsync(new SubmissionForm().WithFile("idCardCopy", "id.pdf", SampleFiles.Text(), "application/pdf"));

        var message = (await JsonAsync(response)).GetProperty("errors").GetProperty("idCardCopy")[0].GetString()!;
        Assert.Contains("ไม่ใช่ไฟล์ PDF, JPEG หรือ PNG", message);
        Assert.Contains("กรุณาแนบไฟล์", message);
    }

    [Fact]
    public async Task SeveralMistakes_AreAllNamedAtOnce()
    {
        var form = new SubmissionForm().Without("firstName").Set("age", "0").Set("phone", "1").Without("signature");
        var response = await SubmitAsync(form);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal(["age", "firstName", "phone", "signature"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task MalformedIdempotencyKey_Answers400NamingTheHeader()
    {
        var response = await SubmitAsync(new SubmissionForm(), idempotencyKey: "short");
        await AssertProblemAsync(response, 400);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task NotMultipart_Answers415()
    {
        var response = await PostJsonAsync("/api/requests", new { firstName = "x" });
        await AssertProblemAsync(response, 415);
    }

    private async Task EnsureInactiveStationAsync()
    {
        await using var connection = await Factory.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO stations (id, name, name_en, district, footage_retention_days, is_active, sort_order)
            VALUES ({InactiveStationId}, 'สถานีที่ปิดแล้ว', 'Closed station', 'เมืองลำปาง', 30, false, 99)
            ON CONFLICT (id) DO NOTHING
            """;
        await command.ExecuteNonQueryAsync();
    }
}
