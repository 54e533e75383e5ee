using CctvRequests.TestSupport;
using Xunit.Abstractions;

namespace CctvRequests.Api.Tests;

/// <summary>Run alone, after every other test, so that the process's allocations are this test's own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}

/// <summary>
/// A 204 KB PNG that inflates to 200 MB (ink rows, then zeros): the server must refuse it without
/// unpacking it. Measured as the bytes the whole process allocates while the request runs.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class DecompressionBombTests(ApiFactory factory, ITestOutputHelper output) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const long Limit = 20L * 1024 * 1024;

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("signature", 400)]
    [InlineData("otherDocuments", 415)]
    public async Task ABombPng_IsRefused_WithLessThan20MegabytesAllocated(string field, int status)
    {
        var bomb = HostileFiles.DecompressionBomb();
        Assert.InRange(bomb.Length, 150_000, 260_000);
        var client = factory.CreateClient();
        await client.GetAsync("/api/stations"); // the host is warm

        var form = new SubmissionForm().Without(field).WithFile(field, "bomb.png", bomb, "image/png");
        using var content = form.ToContent();
        await content.LoadIntoBufferAsync();
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var response = await client.PostAsync("/api/requests", content);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        output.WriteLine($"{field}: {bomb.Length / 1024} KB bomb, {allocated / 1024.0 / 1024.0:F2} MB allocated while refused ({(int)response.StatusCode})");
        Assert.Equal(status, (int)response.StatusCode);
        Assert.True(allocated < Limit, $"{allocated / 1024.0 / 1024.0:F1} MB allocated");
        await using var db = factory.NewDbContext();
        Assert.Empty(db.FootageRequests);
        Assert.Empty(factory.StoredFiles());
    }

    [Fact]
    public async Task AJpegClaiming60000By60000Pixels_IsRefused_WithoutDecoding()
    {
        var client = factory.CreateClient();
        await client.GetAsync("/api/stations");
        using var content = new SubmissionForm().Without("policeReport").WithFile("policeReport", "huge.jpg", HostileFiles.JpegClaimingHugeSize(), "image/jpeg").ToContent();
        await content.LoadIntoBufferAsync();
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var response = await client.PostAsync("/api/requests", content);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        output.WriteLine($"60000 x 60000 JPEG header: {allocated / 1024.0 / 1024.0:F2} MB allocated while refused");
        Assert.Equal(415, (int)response.StatusCode);
        Assert.True(allocated < Limit, $"{allocated / 1024.0 / 1024.0:F1} MB allocated");
    }
}
