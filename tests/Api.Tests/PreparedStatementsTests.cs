using CctvRequests.Infrastructure;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CctvRequests.Api.Tests;

/// <summary>
/// The hot reads run as prepared statements: PostgreSQL parses and plans them once per connection. Without it,
/// parsing and planning the status read took about two thirds of the database's time per request (issue 23).
/// </summary>
public class PreparedStatementsTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("Host=db;Database=cctv", 64)]
    [InlineData("Host=db;Database=cctv;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=cctv;maxautoprepare=10", 10)]
    public void TheConnectionString_PreparesStatements_UnlessItSaysOtherwise(string connection, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DependencyInjection.WithPreparedStatements(connection)).MaxAutoPrepare);

    [Fact]
    public async Task AQueryRunOften_IsPreparedOnItsConnection()
    {
        await using var db = Factory.NewDbContext();
        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 6; i++)
        {
            await db.FootageRequests.CountAsync(r => r.StationId == i);
        }

        var prepared = await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        Assert.Contains(prepared, s => s.Contains("footage_requests", StringComparison.Ordinal));
    }
}
