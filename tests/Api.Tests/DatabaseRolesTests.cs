using System.Net;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;
using Npgsql;

namespace CctvRequests.Api.Tests;

/// <summary>
/// The deployment shape: an owner role that migrates (ConnectionStrings:Owner) and an application
/// role (ConnectionStrings:Default) that owns nothing and may only read and write rows.
/// </summary>
public sealed class TwoRolesFactory : ApiFactory
{
    public const string OwnerRole = "cctv_test_owner";
    public const string AppRole = "cctv_test_app";

    private string _database = string.Empty;

    public string As(string role) => new NpgsqlConnectionStringBuilder(ConnectionString) { Username = role }.ConnectionString;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Owner"] = As(OwnerRole),
        ["ConnectionStrings:Default"] = As(AppRole),
    };

    protected override async Task PrepareDatabaseAsync(string connectionString)
    {
        _database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var admin = new NpgsqlConnection(connectionString);
        await admin.OpenAsync();
        foreach (var sql in new[]
                 {
                     $"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OwnerRole}') THEN CREATE ROLE {OwnerRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF; END $$",
                     $"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN CREATE ROLE {AppRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF; END $$",
                     $"ALTER DATABASE \"{_database}\" OWNER TO {OwnerRole}",
                     $"ALTER SCHEMA public OWNER TO {OwnerRole}",
                 })
        {
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }
    }
}

public sealed class DatabaseRolesTests(TwoRolesFactory factory) : IClassFixture<TwoRolesFactory>
{
    private async Task<PostgresException> RefusedAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(factory.As(TwoRolesFactory.AppRole));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task TheApplicationRole_SubmitsAndDecides()
    {
        await factory.ResetAsync();
        var client = factory.CreateClient();
        var submitted = await client.PostAsync("/api/requests", new SubmissionForm().ToContent());
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var reference = (await StaffClient.ReadAsync(submitted)).GetProperty("referenceNumber").GetString();

        var officer = await StaffClient.SignedInAsync(factory, await TestStaffAccounts.CreateAsync(factory, StaffRoles.Officer));
        var detail = await officer.GetAsync($"/api/staff/requests/{reference}");
        var received = await officer.PostAsync($"/api/staff/requests/{reference}/receive", new { }, detail.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
    }

    [Theory]
    [InlineData("DROP TABLE footage_requests")]
    [InlineData("TRUNCATE request_attachments")]
    [InlineData("ALTER TABLE footage_requests ADD COLUMN x int")]
    [InlineData("CREATE TABLE intruder (id int)")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("UPDATE audit_entries SET action = 'x'")]
    [InlineData("DELETE FROM __ef_migrations_history")]
    public async Task TheApplicationRole_CannotChangeTheSchema_NorRewriteTheAuditLog(string sql)
    {
        var refused = await RefusedAsync(sql);

        Assert.True(refused.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{refused.SqlState}: {refused.MessageText}");
    }

    [Fact]
    public async Task TheTables_BelongToTheOwnerRole()
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'", connection);
        var owners = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                owners.Add(reader.GetString(0));
            }
        }
        Assert.Equal([TwoRolesFactory.OwnerRole], owners);
    }
}
