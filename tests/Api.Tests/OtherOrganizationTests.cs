using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>An installation for another local government: its seed file, not Lampang's.</summary>
public sealed class OtherOrganizationFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => OtherOrganizationSeed.Settings;
}

/// <summary>SPEC §8.9: the organization, its stations and its reasons are data: another file, another organization, no code changed.</summary>
public sealed class OtherOrganizationTests(OtherOrganizationFactory factory) : IClassFixture<OtherOrganizationFactory>
{
    [Fact]
    public async Task TheApi_SpeaksForTheOrganizationOfItsSeedFile()
    {
        var client = factory.CreateClient();

        var settings = await StaffClient.ReadAsync(await client.GetAsync("/api/form-settings"));
        var stations = await StaffClient.ReadAsync(await client.GetAsync("/api/stations"));
        var notice = await StaffClient.ReadAsync(await client.GetAsync("/api/privacy-notice"));

        var organization = settings.GetProperty("organization");
        Assert.Equal("เทศบาลนครเชียงราย", organization.GetProperty("name").GetString());
        Assert.Equal("หัวหน้าศูนย์ควบคุมกล้อง", organization.GetProperty("signatureTitles").GetProperty("centreHead").GetProperty("th").GetString());
        Assert.Equal(["หอนาฬิกาเชียงราย", "สถานีขนส่งผู้โดยสาร แห่งที่ 1"], stations.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.StartsWith(OtherOrganizationSeed.Name, notice.GetProperty("text").GetString());
        Assert.DoesNotContain("ลำปาง", settings.GetRawText() + stations.GetRawText() + notice.GetRawText());
        Assert.DoesNotContain("Lampang", settings.GetRawText() + stations.GetRawText() + notice.GetRawText());
    }
}
