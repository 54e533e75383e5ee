namespace CctvRequests.Web.Tests;

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFactory>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "web";
}

/// <summary>The tests that share the default organization's server.</summary>
[Collection(WebCollection.Name)]
public abstract class WebTest(WebFactory factory, BrowserFixture browser) : BrowserTest(factory, browser);
