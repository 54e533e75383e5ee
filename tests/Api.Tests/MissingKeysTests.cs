using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>A host without the index key.</summary>
public sealed class MissingKeysFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["PersonalData:IndexKey"] = "" };
}

/// <summary>Keys missing stop the start with the reason, instead of a 500 on the first submission.</summary>
public sealed class MissingKeysTests
{
    [Fact]
    public async Task WithoutThePersonalDataKeys_TheApiDoesNotStart()
    {
        var factory = new MissingKeysFactory();
        try
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(factory.InitializeAsync);

            Assert.Contains("PersonalData:KeyFile", refused.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }
}
