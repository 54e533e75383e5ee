using System.Net;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Api.Tests;

/// <summary>The API answers codes plus texts in the language of Accept-Language: Thai by default, English on request.</summary>
public class CallerLanguageTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task RequestFiledInEnglish_ReadsBackInEnglish_ByTokenAndByLookup()
    {
        var form = new SubmissionForm();
        var submitted = await JsonAsync(await SubmitAsync(form, language: "en"));
        Assert.Equal("Pending approval", submitted.GetProperty("statusText").GetString());
        var token = TokenOf(submitted.GetProperty("statusUrl").GetString()!);

        var status = await JsonAsync(await PostJsonAsync("/api/status/token", new { token }, language: "en"));
        var found = (await JsonAsync(await PostJsonAsync("/api/status/lookup", new { nationalId = form.NationalId }, language: "en"))).EnumerateArray().Single();

        foreach (var body in new[] { status, found })
        {
            Assert.Equal("Pending", body.GetProperty("status").GetString());
            Assert.Equal("Pending approval", body.GetProperty("statusText").GetString());
            Assert.Equal(3, body.GetProperty("stationId").GetInt32());
            Assert.Equal("Nong Krating Public Park, Mueang Lampang, Lampang", body.GetProperty("stationName").GetString());
        }
        Assert.Equal("Pending approval", status.GetProperty("history")[0].GetProperty("statusText").GetString());
    }

    [Fact]
    public async Task TheSameRequest_ReadsInThai_WithoutAcceptLanguage()
    {
        var form = new SubmissionForm();
        await SubmitOkAsync(form);

        var found = (await JsonAsync(await PostJsonAsync("/api/status/lookup", new { nationalId = form.NationalId }))).EnumerateArray().Single();

        Assert.Equal("รออนุมัติ", found.GetProperty("statusText").GetString());
        Assert.Equal("สวนสาธารณะหนองกระทิง อ.เมือง จ.ลำปาง", found.GetProperty("stationName").GetString());
    }

    [Fact]
    public async Task CancellationReason_IsInEnglish_AndAStationNoLongerActiveKeepsItsEnglishName()
    {
        var submitted = await SubmitOkAsync(new SubmissionForm());
        var token = TokenOf(submitted.GetProperty("statusUrl").GetString()!);
        await using (var db = Factory.NewDbContext())
        {
            var request = await db.FootageRequests.Include(r => r.History).SingleAsync();
            request.Cancel(new Actor("officer.a", "officer.a"), Factory.Clock.GetUtcNow(), CancellationReason.FootageUnavailable, "No footage on that camera.");
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE stations SET is_active = false WHERE id = 3");
        }
        try
        {
            var body = await JsonAsync(await PostJsonAsync("/api/status/token", new { token }, language: "en"));

            Assert.Equal("Cancelled", body.GetProperty("statusText").GetString());
            Assert.Equal("Nong Krating Public Park, Mueang Lampang, Lampang", body.GetProperty("stationName").GetString());
            var last = body.GetProperty("history").EnumerateArray().Last();
            Assert.Equal("FootageUnavailable", last.GetProperty("reasonCode").GetString());
            Assert.Equal("No footage for the requested time", last.GetProperty("reason").GetString());
        }
        finally
        {
            await using var db = Factory.NewDbContext();
            await db.Database.ExecuteSqlRawAsync("UPDATE stations SET is_active = true WHERE id = 3");
        }
    }

    [Fact]
    public async Task ValidationMessages_FollowTheCallersLanguage()
    {
        var thai = await JsonAsync(await SubmitAsync(new SubmissionForm().Without("age")));
        var english = await JsonAsync(await SubmitAsync(new SubmissionForm().Without("age"), language: "en"));

        Assert.Equal("กรุณากรอกอายุ", thai.GetProperty("errors").GetProperty("age")[0].GetString());
        Assert.Equal("Please enter your age.", english.GetProperty("errors").GetProperty("age")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (HttpStatusCode)english.GetProperty("status").GetInt32());
    }
}
