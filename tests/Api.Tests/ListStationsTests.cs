using System.Net;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

public class ListStationsTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Stations_ReturnsTheSixLampangStationsWithTheirThaiNames()
    {
        var response = await Client.GetAsync("/api/stations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stations = (await JsonAsync(response)).EnumerateArray().ToList();

        Assert.Equal(6, stations.Count);
        Assert.Equal(
            [
                "พื้นที่ภายในสำนักงานองค์การบริหารส่วนจังหวัดลำปาง อ.เกาะคา จ.ลำปาง",
                "อนุสาวรีย์สมเด็จพระนเรศวรมหาราช อ.เกาะคา จ.ลำปาง",
                "สวนสาธารณะหนองกระทิง อ.เมือง จ.ลำปาง",
                "โรงเรียนอแก้ววิทยา อ.ห้างฉัตร จ.ลำปาง",
                "ศูนย์กำจัดขยะมูลฝอยรวมแบบครบวงจร อบจ.ลำปาง อ.เมือง จ.ลำปาง",
                "ศูนย์พัฒนาคุณภาพชีวิตและส่งเสริมอาชีพผู้สูงอายุ อบจ.ลำปาง อ.เมือง จ.ลำปาง",
            ],
            stations.Select(s => s.GetProperty("name").GetString()));
        Assert.All(stations, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("district").GetString()));
            Assert.Equal(30, s.GetProperty("footageRetentionDays").GetInt32());
            Assert.True(s.GetProperty("id").GetInt32() > 0);
        });
    }

    [Fact]
    public async Task Stations_InEnglish_WhenTheCallerPrefersEnglish()
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "/api/stations");
        message.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        var stations = (await JsonAsync(await Client.SendAsync(message))).EnumerateArray().ToList();

        Assert.Equal("Nong Krating Public Park, Mueang Lampang, Lampang", stations.Single(s => s.GetProperty("id").GetInt32() == 3).GetProperty("name").GetString());
        Assert.All(stations, s => Assert.DoesNotMatch(@"\p{IsThai}", s.GetProperty("name").GetString()!));
    }
}
