using System.Net;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Npgsql;

namespace CctvRequests.Api.Tests;

/// <summary>The audit log: append-only in the database itself, readable by administrators with filters.</summary>
public class AuditLogTests(ApiFactory factory) : StaffApiTest(factory)
{
    [Theory]
    [InlineData("UPDATE audit_entries SET action = 'Nothing'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task TheDatabase_RefusesToChangeOrDeleteAuditEntries(string sql)
    {
        await SignedInAsync(StaffRoles.Officer);
        await using var connection = await Factory.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", refused.MessageText);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM audit_entries WHERE action = 'SignIn'", connection);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Administrators_ReadTheLog_FilteredByRequestUserAndAction()
    {
        var reference = await FileAsync();
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);
        var officerClient = await StaffClient.SignedInAsync(Factory, officer);
        await DetailAsync(officerClient, reference);
        var admin = await SignedInAsync(StaffRoles.Admin);

        var byRequest = await JsonAsync(await admin.GetAsync($"/api/staff/audit?referenceNumber={reference}"));
        var byUser = await JsonAsync(await admin.GetAsync($"/api/staff/audit?userEmail={Uri.EscapeDataString(officer.Email.ToUpperInvariant())}&action=SignIn"));

        var entry = Assert.Single(byRequest.GetProperty("items").EnumerateArray());
        Assert.Equal("ViewRequest", entry.GetProperty("action").GetString());
        Assert.Equal("เปิดดูคำร้อง", entry.GetProperty("actionText").GetString());
        Assert.Equal(officer.Email, entry.GetProperty("userEmail").GetString());
        Assert.Single(byUser.GetProperty("items").EnumerateArray());
        Assert.Contains(byRequest.GetProperty("actions").EnumerateArray(), a => a.GetProperty("code").GetString() == "OpenAttachment");
        await AssertProblemAsync(await admin.GetAsync("/api/staff/audit?action=Steal"), 400);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/staff/audit?from={SubmissionForm.Iso(SubmissionForm.TodayInBangkok)}")).StatusCode);
    }
}
