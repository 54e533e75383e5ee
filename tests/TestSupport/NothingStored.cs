using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CctvRequests.TestSupport;

/// <summary>The one assertion that a refused or failed submission left nothing behind.</summary>
public static class NothingStored
{
    /// <summary>No request, no attachment row, no stored answer to replay, and no file, temporary or permanent.</summary>
    public static async Task AssertNothingStoredAsync(this ApiFactory factory)
    {
        await using var db = factory.NewDbContext();
        Assert.Equal(0, await db.FootageRequests.CountAsync());
        Assert.Equal(0, await db.Set<Domain.Requests.Attachment>().CountAsync());
        Assert.Equal(0, await db.IdempotencyRecords.CountAsync());
        Assert.Empty(factory.StoredFiles());
    }
}
