using CctvRequests.TestSupport;
using CctvRequests.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CctvRequests.Api.Tests;

/// <summary>
/// A database from before the instructions were per purpose and before the seed's station names lost their
/// leading "บริเวณ": the next start fills what is missing from the seed and leaves what administrators wrote.
/// </summary>
public class OrganizationSeedUpgradeTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task TheNextStart_FillsTheViewInstructions_AndRenamesOnlyStationsStillNamedAsTheOldSeed()
    {
        await using var db = Factory.NewDbContext();
        // Shared reference data: changed and checked inside a transaction that is rolled back.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var copyBefore = await db.OrganizationProfiles.Select(o => o.ApprovedCopyInstructionsTh).SingleAsync();
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE organization_profile SET approved_view_instructions_th = '', approved_view_instructions_en = ''; " +
            "UPDATE stations SET name = 'บริเวณ' || name WHERE id = 3; " +
            "UPDATE stations SET name = 'บริเวณหน้าตลาด (ตั้งชื่อโดยผู้ดูแล)' WHERE id = 4;");

        await new OrganizationSeed(NullLogger<OrganizationSeed>.Instance).ApplyAsync(
            db, Path.Combine(DatabaseInitializer.ContentRoot, OrganizationSeed.DefaultFile), DateTimeOffset.UtcNow, CancellationToken.None);

        db.ChangeTracker.Clear();
        var profile = await db.OrganizationProfiles.AsNoTracking().SingleAsync();
        Assert.Contains("โทรนัดหมาย", profile.ApprovedViewInstructionsTh);
        Assert.Contains("arrange", profile.ApprovedViewInstructionsEn);
        Assert.Equal(copyBefore, profile.ApprovedCopyInstructionsTh);
        var names = await db.Stations.AsNoTracking().Where(s => s.Id == 3 || s.Id == 4).OrderBy(s => s.Id).Select(s => s.Name).ToListAsync();
        Assert.Equal(["สวนสาธารณะหนองกระทิง อ.เมือง จ.ลำปาง", "บริเวณหน้าตลาด (ตั้งชื่อโดยผู้ดูแล)"], names);
        await transaction.RollbackAsync();
    }
}
