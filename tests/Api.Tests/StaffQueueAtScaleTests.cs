using System.Net;
using CctvRequests.Application.Abstractions;
using CctvRequests.Application.Staff;
using CctvRequests.Application.Staff.ListRequests;
using CctvRequests.Infrastructure.Persistence;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CctvRequests.Api.Tests;

/// <summary>
/// What makes the queue fast with a million requests stays right: the counts kept by the database
/// equal the rows after every kind of change, and the name search can use its trigram index.
/// </summary>
public class StaffQueueAtScaleTests(ApiFactory factory) : StaffApiTest(factory)
{
    private const string KeptCounts =
        "SELECT station_id || ' ' || submitted_on || ' ' || status || ' ' || purpose || ' ' || count FROM request_counts WHERE count <> 0 ORDER BY 1";

    // Counted again from the rows, with the time zone database rather than the trigger's fixed +7 hours.
    private const string RowCounts =
        "SELECT station_id || ' ' || day || ' ' || status || ' ' || purpose || ' ' || count(*) FROM " +
        "(SELECT station_id, (submitted_at AT TIME ZONE 'Asia/Bangkok')::date AS day, status, purpose FROM footage_requests) r " +
        "GROUP BY station_id, day, status, purpose ORDER BY 1";

    private const string KeptTotals = "SELECT station_id || ' ' || status || ' ' || count FROM request_totals WHERE count <> 0 ORDER BY 1";

    private const string RowTotals = "SELECT station_id || ' ' || status || ' ' || count(*) FROM footage_requests GROUP BY station_id, status ORDER BY 1";

    [Fact]
    public async Task TheCountsKeptByTheDatabase_EqualTheRows_AfterFilingDecidingMovingAndDeleting()
    {
        var references = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            references.Add(await FileAsync());
        }
        references.Add(await FileAsync(new SubmissionForm().Set("stationId", "1").Set("purpose", "View").Without("fileCount")));
        var officer = await SignedInAsync(StaffRoles.Officer);
        var (_, etag) = await DetailAsync(officer, references[0]);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/staff/requests/{references[0]}/receive", new { }, etag)).StatusCode);
        (_, etag) = await DetailAsync(officer, references[1]);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/staff/requests/{references[1]}/cancel", new { reasonCode = "WrongAttachments", message = "สำเนาบัตรประชาชนไม่ชัดเจน กรุณายื่นใหม่" }, etag)).StatusCode);
        Assert.Equal(await ReadAsync(RowCounts), await ReadAsync(KeptCounts));
        Assert.Equal(await ReadAsync(RowTotals), await ReadAsync(KeptTotals));

        // Changes no command makes, as an operator might in SQL: another day, another station, a deletion.
        await ExecuteAsync($"UPDATE footage_requests SET submitted_at = submitted_at - interval '3 days' WHERE reference_number = '{references[2]}'");
        await ExecuteAsync($"UPDATE footage_requests SET station_id = 2 WHERE reference_number = '{references[3]}'");
        await ExecuteAsync($"DELETE FROM footage_requests WHERE reference_number = '{references[4]}'");
        var rows = await ReadAsync(RowCounts);
        Assert.Equal(rows, await ReadAsync(KeptCounts));
        Assert.Equal(4, rows.Count);
        Assert.Equal(await ReadAsync(RowTotals), await ReadAsync(KeptTotals));
        // Several changes to the same rows in one transaction (the counts change at its commit, issue 23): each counted once.
        await ExecuteAsync($"""
            DO $$ BEGIN
              UPDATE footage_requests SET status = 'Received' WHERE reference_number = '{references[2]}';
              UPDATE footage_requests SET status = 'Approved', station_id = 1 WHERE reference_number = '{references[2]}';
              UPDATE footage_requests SET status = 'Received' WHERE reference_number = '{references[3]}';
              UPDATE footage_requests SET status = 'Pending' WHERE reference_number = '{references[3]}';
            END $$
            """, rows: -1);
        Assert.Equal(await ReadAsync(RowCounts), await ReadAsync(KeptCounts));
        Assert.Equal(await ReadAsync(RowTotals), await ReadAsync(KeptTotals));
        await ExecuteAsync($"""
            DO $$ BEGIN
              UPDATE footage_requests SET status = 'Pending', station_id = 3 WHERE reference_number = '{references[2]}';
              UPDATE footage_requests SET submitted_at = submitted_at + interval '3 days' WHERE reference_number = '{references[2]}';
              UPDATE footage_requests SET submitted_at = submitted_at - interval '3 days' WHERE reference_number = '{references[2]}';
            END $$
            """, rows: -1);
        Assert.Equal(rows, await ReadAsync(RowCounts));
        Assert.Equal(rows, await ReadAsync(KeptCounts));

        // The rebuild a bulk load runs (trigger off, then counted again) lands on the same rows.
        var (keptCounts, keptTotals) = (await ReadAsync(KeptCounts), await ReadAsync(KeptTotals));
        await ExecuteAsync("SELECT request_counts_rebuild()", rows: -1);
        Assert.Equal(keptCounts, await ReadAsync(KeptCounts));
        Assert.Equal(keptTotals, await ReadAsync(KeptTotals));

        var today = SubmissionForm.Iso(SubmissionForm.TodayInBangkok);
        var all = await JsonAsync(await officer.GetAsync("/api/staff/requests"));
        Assert.Equal(4, all.GetProperty("total").GetInt32());
        Assert.Equal([2, 1, 0, 1], new[] { "Pending", "Received", "Approved", "Cancelled" }.Select(s => all.GetProperty("counts").GetProperty(s).GetInt32()));
        var station2 = await JsonAsync(await officer.GetAsync("/api/staff/requests?stationId=2"));
        Assert.Equal([references[3]], station2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("referenceNumber").GetString()));
        Assert.Equal(1, station2.GetProperty("counts").GetProperty("Pending").GetInt32());
        var station3Today = await JsonAsync(await officer.GetAsync($"/api/staff/requests?stationId=3&submittedFrom={today}&submittedTo={today}&status=Pending,Received"));
        Assert.Equal(1, station3Today.GetProperty("total").GetInt32());
        Assert.Equal([references[0]], station3Today.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("referenceNumber").GetString()));
        Assert.Equal(1, station3Today.GetProperty("counts").GetProperty("Cancelled").GetInt32());
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("o'brien")]
    public async Task NameSearch_TreatsWildcardsAsText(string typed)
    {
        await FileAsync();
        await FileAsync(new SubmissionForm().Set("lastName", "ศรีสุข"));
        var officer = await SignedInAsync(StaffRoles.Officer);

        // No name holds these characters (the form refuses them); as wildcards they would match both, and a
        // quote must not break the SQL the pattern is written into.
        var found = await JsonAsync(await officer.GetAsync($"/api/staff/requests?q={Uri.EscapeDataString(typed)}"));

        Assert.Equal(0, found.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task NameSearch_CanUseTheTrigramIndex()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var index = scope.ServiceProvider.GetRequiredService<IIdentityIndex>();
        var query = new ListStaffRequestsQuery([], null, null, null, null, null, "ไลวรรณ", QueueSort.Newest, 1, 25);
        await using var command = StaffQueueFilters.Apply(db.FootageRequests.AsNoTracking(), query, index).CreateDbCommand();
        await db.Database.OpenConnectionAsync();
        // A handful of rows would be read whole; forbid that to see whether the index fits the expression at all.
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        command.CommandText = "EXPLAIN " + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, line => line.Contains("ix_footage_requests_applicant_name_trgm", StringComparison.Ordinal));
    }

    private async Task ExecuteAsync(string sql, int rows = 1)
    {
        await using var connection = await Factory.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        Assert.Equal(rows, await command.ExecuteNonQueryAsync());
    }

    private async Task<List<string>> ReadAsync(string sql)
    {
        await using var connection = await Factory.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }
}
