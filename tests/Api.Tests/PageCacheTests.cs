using System.Net;
using CctvRequests.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace CctvRequests.Api.Tests;

/// <summary>A production host on a web root of its own, whose files a test may change behind its back.</summary>
public sealed class ProductionPagesFactory : ApiFactory
{
    public string WebRoot { get; } = CopyOfTheSite();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Web:Root"] = WebRoot };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }

    private static string CopyOfTheSite()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "site");
        var target = Path.Combine(Path.GetTempPath(), "cctv-site-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }
}

/// <summary>Outside Development the pages are answered from memory, with every protective header; the API is not.</summary>
public sealed class PageCacheTests(ProductionPagesFactory factory) : IClassFixture<ProductionPagesFactory>
{
    [Fact]
    public async Task TheFormPage_IsServedFromMemory_WithItsHeaders_AndTheApiIsNot()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync("/");
        var page = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // The file changes on disk (as it never does between releases): the answer stays the one in memory.
        await File.WriteAllTextAsync(Path.Combine(factory.WebRoot, "index.html"), "<!doctype html><title>changed</title>");
        var second = await client.GetAsync("/");

        Assert.Equal(page, await second.Content.ReadAsStringAsync());
        Assert.NotNull(second.Headers.Age);
        Assert.StartsWith("default-src 'self'", second.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", second.Headers.GetValues("X-Content-Type-Options").Single());
        var health = await client.GetAsync("/healthz");
        Assert.Null(health.Headers.Age);
    }
}
