using System.Net;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>GET /api/staff/requests: filters, search, counts, the footage clock's order and flags, paging.</summary>
public class StaffQueueTests(ApiFactory factory) : StaffApiTest(factory)
{
    private static SubmissionForm IncidentDaysAgo(int days) =>
        new SubmissionForm().Set("incidentDate", SubmissionForm.Iso(SubmissionForm.TodayInBangkok.AddDays(-days)));

    [Fact]
    public async Task OpenRequests_AreSortedByDaysLeft_AndFlagged()
    {
        var fresh = await FileAsync(IncidentDaysAgo(1));
        var soon = await FileAsync(IncidentDaysAgo(28));
        var gone = await FileAsync(IncidentDaysAgo(31));
        var officer = await SignedInAsync(StaffRoles.Officer);

        var body = await JsonAsync(await officer.GetAsync("/api/staff/requests?status=Pending,Received"));

        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([gone, soon, fresh], items.Select(i => i.GetProperty("referenceNumber").GetString()));
        Assert.Equal(["overwritten", "overwriteSoon", null], items.Select(i => i.GetProperty("flag").GetString()));
        Assert.Equal([-1, 2, 29], items.Select(i => i.GetProperty("daysLeft").GetInt32()));
        Assert.Equal(3, body.GetProperty("total").GetInt32());
        Assert.Equal(3, body.GetProperty("counts").GetProperty("Pending").GetInt32());
        var row = items[0];
        Assert.Equal("นายสมศักดิ์ ใจดี", row.GetProperty("applicantName").GetString());
        Assert.Equal("สวนสาธารณะหนองกระทิง อ.เมือง จ.ลำปาง", row.GetProperty("stationName").GetString());
        Assert.Equal("รออนุมัติ", row.GetProperty("statusText").GetString());
    }

    [Fact]
    public async Task EveryQueuePageRead_IsAudited_WithItsFiltersAndCount_ButNotTheSearchText()
    {
        await FileAsync();
        await FileAsync();
        var officer = await SignedInAsync(StaffRoles.Officer);

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/staff/requests?status=Pending&stationId=3&pageSize=25")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/staff/requests?q=%E0%B8%AA%E0%B8%A1%E0%B8%A8%E0%B8%B1%E0%B8%81%E0%B8%94%E0%B8%B4%E0%B9%8C")).StatusCode);

        await using var db = Factory.NewDbContext();
        var entries = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AuditEntries.Where(e => e.Action == "ViewQueue" || e.Action == "SearchRequests").OrderBy(e => e.At));
        Assert.Equal(["ViewQueue", "SearchRequests"], entries.Select(e => e.Action));
        Assert.Contains("status Pending", entries[0].Details);
        Assert.Contains("station 3", entries[0].Details);
        Assert.Contains("2 rows of 2", entries[0].Details);
        Assert.Contains("search of 8 characters", entries[1].Details);
        Assert.DoesNotContain("สมศักดิ์", entries[1].Details);
    }

    [Fact]
    public async Task Search_FindsByReference_Name_NationalIdInAnyShape_AndPassport()
    {
        var thai = new SubmissionForm().Set("firstName", "วิไลวรรณ").Set("lastName", "ศรีสุข");
        var thaiReference = await FileAsync(thai);
        var foreign = new SubmissionForm().WithPassport(number: "ZX9988776").Set("firstName", "Anna").Set("lastName", "Berg");
        var foreignReference = await FileAsync(foreign);
        await FileAsync();
        var officer = await SignedInAsync(StaffRoles.Officer);
        var dashed = $"{thai.NationalId[0]}-{thai.NationalId[1..5]}-{thai.NationalId[5..10]}-{thai.NationalId[10..12]}-{thai.NationalId[12]}";

        foreach (var (q, expected) in new[]
                 {
                     (thaiReference.ToLowerInvariant(), thaiReference), ("ไลวรร", thaiReference), (dashed, thaiReference),
                     ("zx9988776", foreignReference), ("anna b", foreignReference),
                 })
        {
            var items = (await JsonAsync(await officer.GetAsync($"/api/staff/requests?q={Uri.EscapeDataString(q)}"))).GetProperty("items");
            Assert.Equal([expected], items.EnumerateArray().Select(i => i.GetProperty("referenceNumber").GetString()));
        }
    }

    [Fact]
    public async Task Search_CountsEveryStatus_ButPagesOnlyTheStatusesAsked()
    {
        // Read in one scan and counted and paged in memory (up to ListStaffRequestsHandler.SearchWindow matches).
        var named = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            named.Add(await FileAsync(new SubmissionForm().Set("firstName", "กาญจนา").Set("lastName", "ทองประเสริฐ")));
        }
        await FileAsync();
        var officer = await SignedInAsync(StaffRoles.Officer);
        foreach (var reference in named.Take(2))
        {
            var (_, etag) = await DetailAsync(officer, reference);
            Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/staff/requests/{reference}/receive", new { }, etag)).StatusCode);
        }

        var q = Uri.EscapeDataString("ทองประเสริ");
        var received = await JsonAsync(await officer.GetAsync($"/api/staff/requests?q={q}&status=Received&sort=oldest&pageSize=1&page=2"));
        Assert.Equal(2, received.GetProperty("total").GetInt32());
        Assert.Equal([named[1]], received.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("referenceNumber").GetString()));
        Assert.Equal(3, received.GetProperty("counts").GetProperty("Pending").GetInt32());
        Assert.Equal(2, received.GetProperty("counts").GetProperty("Received").GetInt32());
        var all = await JsonAsync(await officer.GetAsync($"/api/staff/requests?q={q}&sort=newest&pageSize=2&page=3"));
        Assert.Equal(5, all.GetProperty("total").GetInt32());
        Assert.Equal([named[0]], all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("referenceNumber").GetString()));
    }

    [Fact]
    public async Task Filters_AndPaging_AndCountsPerStatus()
    {
        for (var i = 0; i < 3; i++)
        {
            await FileAsync();
        }
        await FileAsync(new SubmissionForm().Set("stationId", "1"));
        var officer = await SignedInAsync(StaffRoles.Officer);

        var byStation = await JsonAsync(await officer.GetAsync("/api/staff/requests?stationId=1"));
        Assert.Equal(1, byStation.GetProperty("total").GetInt32());
        var page2 = await JsonAsync(await officer.GetAsync("/api/staff/requests?pageSize=3&page=2&sort=oldest"));
        Assert.Equal(4, page2.GetProperty("total").GetInt32());
        Assert.Single(page2.GetProperty("items").EnumerateArray());
        var none = await JsonAsync(await officer.GetAsync($"/api/staff/requests?status=Approved&incidentFrom={SubmissionForm.Iso(SubmissionForm.TodayInBangkok.AddDays(-3))}"));
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.Equal(4, none.GetProperty("counts").GetProperty("Pending").GetInt32());
        var today = await JsonAsync(await officer.GetAsync($"/api/staff/requests?submittedFrom={SubmissionForm.Iso(SubmissionForm.TodayInBangkok)}&submittedTo={SubmissionForm.Iso(SubmissionForm.TodayInBangkok)}"));
        Assert.Equal(4, today.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("status=Lost", "status")]
    [InlineData("submittedFrom=16/02/2569", "submittedFrom")]
    [InlineData("sort=random", "sort")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task BadFilters_Answer400NamingThem(string query, string field)
    {
        var officer = await SignedInAsync(StaffRoles.Officer);
        var response = await officer.GetAsync("/api/staff/requests?" + query);
        await AssertProblemAsync(response, 400);
        Assert.Equal([field], (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
