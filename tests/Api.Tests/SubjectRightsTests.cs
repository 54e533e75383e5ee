using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Api.Tests;

/// <summary>PDPA s.30-35 for administrators: find, export, correct, erase; the rights-request log with its 30-day deadlines.</summary>
public class SubjectRightsTests(ApiFactory factory) : StaffApiTest(factory)
{
    private Task<StaffClient> AdminAsync() => SignedInAsync(StaffRoles.Admin);

    /// <summary>A person no other test uses: their own name, phone and ID.</summary>
    private static SubmissionForm PersonForm(string id, string first, string last, string phone) =>
        new SubmissionForm().Set("nationalId", id).Set("firstName", first).Set("lastName", last).Set("phone", phone);

    /// <summary>Files of this person only: names and contents (so hashes) no other request has.</summary>
    private static SubmissionForm WithOwnFiles(SubmissionForm form)
    {
        var own = People.NewName();
        return form
            .WithFile("idCardCopy", $"บัตร-{own}.pdf", SampleFiles.Pdf($"ID card {own}"), "application/pdf")
            .WithFile("policeReport", $"แจ้งความ-{own}.pdf", SampleFiles.Pdf($"police report {own}"), "application/pdf")
            .Without("otherDocuments").WithFile("otherDocuments", $"ใบเสร็จ-{own}.pdf", SampleFiles.Pdf($"receipt {own}"), "application/pdf")
            .WithFile("signature", $"ลายมือ-{own}.png", SampleFiles.Signature(300 + Random.Shared.Next(100), 150), "image/png");
    }

    [Fact]
    public async Task Search_FindsEveryRequestOfThePerson_AndNoOneElses()
    {
        var id = NationalIds.New();
        var first = await FileAsync(new SubmissionForm().Set("nationalId", id));
        var second = await FileAsync(new SubmissionForm().Set("nationalId", id));
        await FileAsync(new SubmissionForm());
        var admin = await AdminAsync();

        var body = await JsonAsync(await admin.PostAsync("/api/staff/subjects/search", new { nationalId = id }));

        Assert.Equal([second, first], body.GetProperty("requests").EnumerateArray().Select(r => r.GetProperty("referenceNumber").GetString()));
        Assert.DoesNotContain(id, body.GetRawText());
        Assert.Equal("NationalId", body.GetProperty("subject").GetProperty("documentKind").GetString());
        await using var db = Factory.NewDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "SearchSubject"));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Details != null && e.Details.Contains(id)));
    }

    [Fact]
    public async Task TheExport_HoldsEveryField_AndEveryFileByteForByte()
    {
        var id = NationalIds.New();
        var (phone, _) = People.NewMobile();
        var form = PersonForm(id, "สมหมาย", "ส่งออก", phone)
            .Without("otherDocuments").WithFile("otherDocuments", "ใบเสร็จ.pdf", SampleFiles.Pdf("receipt 42"), "application/pdf");
        var reference = await FileAsync(form);
        var admin = await AdminAsync();

        var response = await admin.PostAsync("/api/staff/subjects/export", new { nationalId = id });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var json = JsonDocument.Parse(zip.GetEntry("subject.json")!.Open()).RootElement;
        var request = Assert.Single(json.GetProperty("requests").EnumerateArray());
        Assert.Equal(reference, request.GetProperty("referenceNumber").GetString());
        var applicant = request.GetProperty("applicant");
        Assert.Equal(("สมหมาย", "ส่งออก", id, phone, form.Fields["address"]),
            (applicant.GetProperty("firstName").GetString(), applicant.GetProperty("lastName").GetString(), applicant.GetProperty("documentNumber").GetString(),
             applicant.GetProperty("phone").GetString(), applicant.GetProperty("address").GetString()));
        Assert.Equal(form.Fields["reason"], request.GetProperty("reason").GetString());
        Assert.Equal("Drawn", request.GetProperty("signatureMethod").GetString());
        Assert.Equal("2569-2", request.GetProperty("privacyConsent").GetProperty("noticeVersion").GetString());

        // Every file, as stored, byte for byte: its SHA-256 in the JSON, the row's, and the store's agree.
        var files = request.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(form.Files.Count, files.Count);
        var store = Factory.Services.GetRequiredService<IFileStore>();
        await using var db = Factory.NewDbContext();
        Assert.True(ReferenceNumber.TryParse(reference, out var number));
        var stored = await db.FootageRequests.Include(r => r.Attachments).SingleAsync(r => r.ReferenceNumber == number);
        foreach (var file in files)
        {
            using var entry = new MemoryStream();
            await zip.GetEntry(file.GetProperty("path").GetString()!)!.Open().CopyToAsync(entry);
            var bytes = entry.ToArray();
            Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            var attachment = stored.Attachments.Single(a => a.Sha256 == file.GetProperty("sha256").GetString());
            await using var original = await store.OpenReadAsync(attachment.StorageKey, CancellationToken.None);
            using var copy = new MemoryStream();
            await original.CopyToAsync(copy);
            Assert.Equal(copy.ToArray(), bytes);
        }
        var pdf = files.Single(f => f.GetProperty("fileName").GetString() == "ใบเสร็จ.pdf");
        using (var entry = new MemoryStream())
        {
            await zip.GetEntry(pdf.GetProperty("path").GetString()!)!.Open().CopyToAsync(entry);
            Assert.Equal(SampleFiles.Pdf("receipt 42"), entry.ToArray());
        }
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "ExportSubject"));
    }

    [Fact]
    public async Task ACorrection_ChangesTheField_AndTheHistoryNamesTheField_NotTheOldValue()
    {
        var form = new SubmissionForm().Set("address", "12 ถนนเดิม ต.เดิม อ.เมือง จ.ลำปาง");
        var reference = await FileAsync(form);
        var admin = await AdminAsync();

        var response = await admin.SendAsync(HttpMethod.Put, $"/api/staff/requests/{reference}/applicant",
            new { field = "address", value = "34 ถนนใหม่ ต.ใหม่ อ.เมือง จ.ลำปาง", note = "ผู้ยื่นแจ้งย้ายที่อยู่" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = await JsonAsync(response);
        Assert.Equal("34 ถนนใหม่ ต.ใหม่ อ.เมือง จ.ลำปาง", detail.GetProperty("applicant").GetProperty("address").GetString());
        var note = Assert.Single(detail.GetProperty("notes").EnumerateArray()).GetProperty("text").GetString()!;
        Assert.StartsWith("แก้ไขข้อมูลผู้ยื่น: ที่อยู่ปัจจุบัน — ผู้ยื่นแจ้งย้ายที่อยู่", note);
        Assert.DoesNotContain("ถนนเดิม", detail.GetRawText());

        await AssertProblemAsync(await admin.SendAsync(HttpMethod.Put, $"/api/staff/requests/{reference}/applicant", new { field = "phone", value = "12" }), 400);
        var unknown = await admin.SendAsync(HttpMethod.Put, $"/api/staff/requests/{reference}/applicant", new { field = "nationalId", value = NationalIds.New() });
        await AssertProblemAsync(unknown, 400);
        Assert.True((await JsonAsync(unknown)).GetProperty("errors").TryGetProperty("field", out _));
    }

    [Fact]
    public async Task Erasure_LeavesNothingOfThePerson_InAnyTableOrAnyStoredFile()
    {
        var id = NationalIds.New();
        var (first, last) = (People.NewName(), People.NewName());
        var (phone, e164) = People.NewMobile();
        var address = $"{People.NewName()} หมู่ 9 ต.{People.NewName()} จ.ลำปาง";
        var approved = await FileAsync(WithOwnFiles(PersonForm(id, first, last, phone).Set("address", address)));
        var open = await FileAsync(WithOwnFiles(PersonForm(id, first, last, phone).Set("address", address)));
        var someoneElse = await FileAsync(new SubmissionForm());
        var files = new List<string>();
        var requestIds = new List<Guid>();
        await using (var db = Factory.NewDbContext())
        {
            Assert.True(ReferenceNumber.TryParse(approved, out var number));
            StoredRequests.Approve(await db.FootageRequests.Include(r => r.History).SingleAsync(r => r.ReferenceNumber == number), Factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            foreach (var reference in new[] { approved, open })
            {
                Assert.True(ReferenceNumber.TryParse(reference, out var n));
                var request = await db.FootageRequests.Include(r => r.Attachments).SingleAsync(r => r.ReferenceNumber == n);
                requestIds.Add(request.Id);
                files.AddRange(request.Attachments.SelectMany(a => new[] { a.FileName, a.StorageKey, a.Sha256 }));
            }
        }
        Assert.Equal(2 * 4 * 3, files.Count);
        var admin = await AdminAsync();
        var detail = await admin.GetAsync($"/api/staff/requests/{approved}");
        await admin.PostAsync($"/api/staff/requests/{approved}/notes", new { text = $"โทรหา {first} {last} ที่ {phone} แล้ว" }, detail.Headers.ETag!.Tag);
        var logged = await JsonAsync(await admin.PostAsync("/api/staff/subjects/rights-requests",
            new { nationalId = id, kind = "Erasure", askedOn = SubmissionForm.Iso(SubmissionForm.TodayInBangkok), note = "ขอทางอีเมล" }));

        var erase = await admin.PostAsync("/api/staff/subjects/erase", new { nationalId = id, reason = "เจ้าของข้อมูลขอให้ลบ", rightsRequestId = logged.GetProperty("id").GetString() });

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        var result = await JsonAsync(erase);
        Assert.Equal((2, 1), (result.GetProperty("erased").GetInt32(), result.GetProperty("cancelled").GetInt32()));
        var openNow = await JsonAsync(await admin.GetAsync($"/api/staff/requests/{open}"));
        Assert.Equal("Cancelled", openNow.GetProperty("status").GetString());
        Assert.Contains(openNow.GetProperty("history").EnumerateArray(), h => h.GetProperty("reasonCode").GetString() == CancellationReason.Erased);

        // Every table (a pg_dump) and every stored file: nothing of the person.
        var dump = await PgDump.OfAsync(Factory.ConnectionString);
        var dashed = $"{id[0]}-{id[1..5]}-{id[5..10]}-{id[10..12]}-{id[12]}";
        foreach (var trace in new[] { id, dashed, first, last, phone, e164, e164[3..], address })
        {
            Assert.DoesNotContain(trace, dump);
            Assert.DoesNotContain(Factory.StoredFiles(), f => File.ReadAllBytes(f).AsSpan().IndexOf(Encoding.UTF8.GetBytes(trace)) >= 0);
        }
        // Nor of their files: no row keeps a name, a storage key or a hash of them, and the files are gone.
        foreach (var trace in files)
        {
            Assert.False(dump.Contains(trace, StringComparison.Ordinal), $"a table still holds {trace}");
        }
        Assert.DoesNotContain(Factory.StoredFiles(), f => files.Any(key => f.EndsWith(key, StringComparison.Ordinal)));
        // Every table with a column that names a request: none of its rows names an erased one and holds the person's data.
        await using (var db = Factory.NewDbContext())
        {
            var orphans = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM request_attachments WHERE request_id IS NULL").SingleAsync();
            Assert.Equal(0, orphans);
            foreach (var (table, column) in await RequestColumnsAsync(db))
            {
                // The names come from the catalog, not from input.
                var sql = "SELECT count(*)::int AS \"Value\" FROM " + table + " t WHERE t." + column + " = ANY(@ids) AND t::text ~ @traces";
                var rows = await db.Database.SqlQueryRaw<int>(sql,
                    new Npgsql.NpgsqlParameter("ids", requestIds.ToArray()),
                    new Npgsql.NpgsqlParameter("traces", string.Join('|', files.Concat([first, last, address]).Select(System.Text.RegularExpressions.Regex.Escape)))).SingleAsync();
                Assert.True(rows == 0, $"{rows} rows of {table} name an erased request and hold the person's data");
            }
        }
        // The other person's request is whole; the search finds nothing left of this one's.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/staff/requests/{someoneElse}")).StatusCode);
        var search = await JsonAsync(await admin.PostAsync("/api/staff/subjects/search", new { nationalId = id }));
        Assert.Equal(0, search.GetProperty("requests").GetArrayLength());
        Assert.Equal("Erasure", Assert.Single(search.GetProperty("rightsRequests").EnumerateArray()).GetProperty("kind").GetString());
    }

    /// <summary>Every (table, column) holding a request's id: the foreign keys to footage_requests, and its own key.</summary>
    private static async Task<List<(string Table, string Column)>> RequestColumnsAsync(Infrastructure.Persistence.AppDbContext db)
    {
        var found = await db.Database.SqlQueryRaw<string>("""
            SELECT c.conrelid::regclass::text || '.' || a.attname AS "Value"
            FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
            WHERE c.contype IN ('f', 'p') AND (c.confrelid = 'footage_requests'::regclass OR c.conrelid = 'footage_requests'::regclass AND c.contype = 'p')
            """).ToListAsync();
        Assert.Contains("request_attachments.request_id", found);
        return found.Select(f => (f[..f.IndexOf('.')], f[(f.IndexOf('.') + 1)..])).ToList();
    }

    [Fact]
    public async Task TheExport_NamesItsFilesSafelyForWindows()
    {
        var id = NationalIds.New();
        var longName = new string('ก', 119) + "." + new string('ข', 20) + ".pdf";
        var form = new SubmissionForm().Set("nationalId", id).Without("otherDocuments")
            .WithFile("otherDocuments", "a<b>c|d?e*f.pdf", SampleFiles.Pdf("odd characters"), "application/pdf")
            .WithFile("otherDocuments", longName, SampleFiles.Pdf("a dot where the name is cut"), "application/pdf")
            .WithFile("otherDocuments", "CON", SampleFiles.Pdf("a reserved device name"), "application/pdf");
        await FileAsync(form);
        var admin = await AdminAsync();

        var response = await admin.PostAsync("/api/staff/subjects/export", new { nationalId = id });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(1 + form.Files.Count, zip.Entries.Count);
        foreach (var entry in zip.Entries)
        {
            foreach (var segment in entry.FullName.Split('/'))
            {
                Assert.True(IsSafeOnWindows(segment), $"'{entry.FullName}' is not a safe name on Windows ('{segment}')");
            }
        }
    }

    [Theory]
    [InlineData("a<b>c:d\"e|f?g*.pdf")]
    [InlineData("CON")]
    [InlineData("con.pdf")]
    [InlineData("LPT1.txt")]
    [InlineData("COM9")]
    [InlineData("report...")]
    [InlineData("report. . ")]
    [InlineData("...")]
    [InlineData("AUX.tar.gz")]
    public void AnEntryName_IsSafeOnWindows_WhateverTheFileWasCalled(string name) =>
        Assert.True(IsSafeOnWindows(Application.PersonalData.ExportSubject.ZipEntryNames.Safe(name)), Application.PersonalData.ExportSubject.ZipEntryNames.Safe(name));

    /// <summary>The rules of Windows file names (learn.microsoft.com, "Naming Files, Paths, and Namespaces").</summary>
    private static bool IsSafeOnWindows(string name)
    {
        string[] reserved = ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³"];
        var stem = name.Split('.')[0].TrimEnd();
        return name.Length > 0
               && name.IndexOfAny(['<', '>', ':', '"', '/', '\\', '|', '?', '*']) < 0
               && !name.Any(char.IsControl)
               && !name.EndsWith('.') && !name.EndsWith(' ')
               && !reserved.Contains(stem, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ARightsRequest_ShowsIts30DayDeadline_UntilItIsDone()
    {
        var id = NationalIds.New();
        var admin = await AdminAsync();
        var askedOn = SubmissionForm.TodayInBangkok.AddDays(-5);

        var logged = await admin.PostAsync("/api/staff/subjects/rights-requests", new { nationalId = id, kind = "Access", askedOn = SubmissionForm.Iso(askedOn), note = "ขอสำเนาข้อมูล" });

        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        var request = await JsonAsync(logged);
        Assert.Equal(SubmissionForm.Iso(askedOn.AddDays(30)), request.GetProperty("deadline").GetString());
        Assert.Equal(25, request.GetProperty("daysLeft").GetInt32());
        Assert.DoesNotContain(id, request.GetRawText());
        var open = await JsonAsync(await admin.GetAsync("/api/staff/subjects/rights-requests"));
        Assert.Contains(open.EnumerateArray(), r => r.GetProperty("id").GetString() == request.GetProperty("id").GetString());

        var done = await admin.PostAsync($"/api/staff/subjects/rights-requests/{request.GetProperty("id").GetString()}/done", new { note = "ส่งทางอีเมลแล้ว" });

        Assert.Equal("Done", (await JsonAsync(done)).GetProperty("status").GetString());
        Assert.DoesNotContain((await JsonAsync(await admin.GetAsync("/api/staff/subjects/rights-requests"))).EnumerateArray(), r => r.GetProperty("id").GetString() == request.GetProperty("id").GetString());
        await AssertProblemAsync(await admin.PostAsync($"/api/staff/subjects/rights-requests/{request.GetProperty("id").GetString()}/done", new { }), 409);
        var tooEarly = await admin.PostAsync("/api/staff/subjects/rights-requests", new { nationalId = id, kind = "Access", askedOn = SubmissionForm.Iso(SubmissionForm.TodayInBangkok.AddDays(1)) });
        await AssertProblemAsync(tooEarly, 400);
        Assert.True((await JsonAsync(tooEarly)).GetProperty("errors").TryGetProperty("askedOn", out _));
    }

    [Fact]
    public async Task OnlyAdministrators_MayUseTheRights()
    {
        var officer = await SignedInAsync(StaffRoles.Officer);

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync("/api/staff/subjects/search", new { nationalId = NationalIds.New() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync("/api/staff/subjects/erase", new { nationalId = NationalIds.New(), reason = "ทดสอบ สิทธิ์" })).StatusCode);
    }
}
