using System.Net;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

public class GetPrivacyNoticeTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task PrivacyNotice_IsTheCurrentVersionInThaiAndEnglish()
    {
        var response = await Client.GetAsync("/api/privacy-notice");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("2569-2", body.GetProperty("version").GetString());
        Assert.Contains("ไม่เกิน 3 ปี", body.GetProperty("text").GetString());
        Assert.Contains("054-237600 ต่อ 5060", body.GetProperty("text").GetString());
        Assert.Contains("3 years", body.GetProperty("textEn").GetString());
    }
}
