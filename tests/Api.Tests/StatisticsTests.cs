using System.Net;
using System.Text;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using MiniExcelLibs;

namespace CctvRequests.Api.Tests;

/// <summary>GET /api/staff/statistics and the exports: figures checked against a data set whose answers the test computes itself.</summary>
public class StatisticsTests(ApiFactory factory) : StaffApiTest(factory)
{
    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    private async Task<List<(DateTimeOffset Submitted, DateTimeOffset? Decided)>> SeedAsync()
    {
        var set = new List<(FootageRequest Request, DateTimeOffset? Decided)>
        {
            (await StoredRequests.AddAsync(Factory, At(1, 5), 3, Purpose.Copy, new DateOnly(2026, 1, 4), StoredRequests.Approve, At(1, 7)), At(1, 7)),
            (await StoredRequests.AddAsync(Factory, At(1, 20), 3, Purpose.View, null, StoredRequests.Cancel(CancellationReason.WrongAttachments), At(1, 25)), At(1, 25)),
            (await StoredRequests.AddAsync(Factory, At(2, 1), 1, Purpose.Copy, new DateOnly(2026, 1, 1), StoredRequests.Approve, At(2, 11)), At(2, 11)),
            (await StoredRequests.AddAsync(Factory, At(2, 10), 2, Purpose.View), null),
            (await StoredRequests.AddAsync(Factory, At(2, 15), 1, Purpose.Copy, null, StoredRequests.Cancel(CancellationReason.Denied), At(2, 16, 22)), At(2, 16, 22)),
        };
        await StoredRequests.AddAsync(Factory, At(12, 31).AddYears(-1)); // before the range
        return set.Select(s => (s.Request.SubmittedAt, s.Decided)).ToList();
    }

    /// <summary>The definition of PostgreSQL's percentile_cont, computed here independently.</summary>
    private static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        var position = p * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }

    [Fact]
    public async Task TheFigures_MatchWhatTheTestComputes()
    {
        var set = await SeedAsync();
        var officer = await SignedInAsync(StaffRoles.Officer);

        var body = await JsonAsync(await officer.GetAsync("/api/staff/statistics?from=2026-01-01&to=2026-02-28"));

        Assert.Equal(5, body.GetProperty("total").GetInt32());
        var status = body.GetProperty("byStatus").EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!, s => s.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Pending"] = 1, ["Received"] = 0, ["Cancelled"] = 2, ["Approved"] = 2 }, status);
        Assert.Equal([(1, 2), (3, 2), (2, 1)], body.GetProperty("byStation").EnumerateArray().Select(s => (s.GetProperty("stationId").GetInt32(), s.GetProperty("count").GetInt32())).OrderByDescending(s => s.Item2).ThenBy(s => s.Item1));
        Assert.Equal([("2026-01", 2, "ม.ค. 2569"), ("2026-02", 3, "ก.พ. 2569")],
            body.GetProperty("byMonth").EnumerateArray().Select(m => (m.GetProperty("month").GetString(), m.GetProperty("count").GetInt32(), m.GetProperty("label").GetString())));
        Assert.Equal([("View", 2), ("Copy", 3)], body.GetProperty("byPurpose").EnumerateArray().Select(p => (p.GetProperty("code").GetString(), p.GetProperty("count").GetInt32())));

        var days = set.Where(s => s.Decided is not null).Select(s => (s.Decided!.Value - s.Submitted).TotalDays).Order().ToList();
        var decision = body.GetProperty("decisionDays");
        Assert.Equal(days.Count, decision.GetProperty("decided").GetInt32());
        Assert.Equal(Math.Round(Percentile(days, 0.5), 1), decision.GetProperty("median").GetDouble());
        Assert.Equal(Math.Round(Percentile(days, 0.9), 1), decision.GetProperty("p90").GetDouble());
        Assert.Equal([("WrongAttachments", "เอกสารแนบไม่ถูกต้อง", 1), ("Denied", "ไม่อนุมัติ", 1)],
            body.GetProperty("cancellationsByReason").EnumerateArray().Select(r => (r.GetProperty("code").GetString(), r.GetProperty("text").GetString(), r.GetProperty("count").GetInt32())).OrderByDescending(r => r.Item1));
        Assert.Equal(1, body.GetProperty("decidedAfterOverwrite").GetInt32());
        Assert.DoesNotContain("สมศักดิ์", body.GetRawText());
    }

    [Fact]
    public async Task TheCsv_StartsWithAByteOrderMark_AndRoundTripsThai_AndTheXlsxReadsBackTheSameRows()
    {
        await SeedAsync();
        var officer = await SignedInAsync(StaffRoles.Officer);

        var csv = await officer.GetAsync("/api/staff/statistics.csv?from=2026-01-01&to=2026-02-28");
        var xlsx = await officer.GetAsync("/api/staff/statistics.xlsx?from=2026-01-01&to=2026-02-28");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Section,Code,Label,Value", lines[0]);
        Assert.Contains("status,Cancelled,ยกเลิก,2", lines);
        Assert.Contains("cancellation,WrongAttachments,เอกสารแนบไม่ถูกต้อง,1", lines);

        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(lines.Length - 1, rows.Count);
        Assert.Contains(rows, r => (string)r["Section"] == "status" && (string)r["Label"] == "ยกเลิก" && (string)r["Value"] == "2");
    }

    [Fact]
    public async Task TheQueueExport_HasEveryMatchingRow_AndNeutralizesFormulas()
    {
        await StoredRequests.AddAsync(Factory, At(2, 1), title: "=1+1", firstName: "ก", lastName: "ข");
        await StoredRequests.AddAsync(Factory, At(2, 2), firstName: "สมหญิง", lastName: "รักดี");
        var officer = await SignedInAsync(StaffRoles.Officer);

        var csv = Encoding.UTF8.GetString((await (await officer.GetAsync("/api/staff/requests.csv?status=Pending")).Content.ReadAsByteArrayAsync())[3..]);
        var xlsx = await officer.GetAsync("/api/staff/requests.xlsx?status=Pending");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains(",'=1+1ก ข,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Split(',').Any(cell => cell.StartsWith('=')));
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => (string)r["ApplicantName"] == "นายสมหญิง รักดี");
        Assert.Contains(rows, r => (string)r["ApplicantName"] == "'=1+1ก ข");
    }

    [Fact]
    public async Task AFormulaAtTheStartOfACell_IsNeutralized()
    {
        Assert.Equal("'=1+1", Exports.Spreadsheets.Neutralize("=1+1"));
        Assert.Equal("'+66", Exports.Spreadsheets.Neutralize("+66"));
        Assert.Equal("'-2", Exports.Spreadsheets.Neutralize("-2"));
        Assert.Equal("'@cmd", Exports.Spreadsheets.Neutralize("@cmd"));
        Assert.Equal("นาย=1", Exports.Spreadsheets.Neutralize("นาย=1"));
        await StoredRequests.AddAsync(Factory, At(2, 1), title: "=HYPERLINK(\"http://x\")");
        var officer = await SignedInAsync(StaffRoles.Officer);
        var csv = Encoding.UTF8.GetString(await (await officer.GetAsync("/api/staff/requests.csv")).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(",=HYPERLINK", csv);
    }

    [Fact]
    public async Task BadRanges_Answer400()
    {
        var officer = await SignedInAsync(StaffRoles.Officer);
        await AssertProblemAsync(await officer.GetAsync("/api/staff/statistics?from=2026-03-01&to=2026-01-01"), 400);
        await AssertProblemAsync(await officer.GetAsync("/api/staff/statistics?from=01/03/2569"), 400);
    }
}
