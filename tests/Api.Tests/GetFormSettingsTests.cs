using System.Net;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>GET /api/form-settings: the page's rules and the organization, from the server's own constants and data.</summary>
public class GetFormSettingsTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Settings_CarryTheLimitsTheServerApplies()
    {
        var response = await Client.GetAsync("/api/form-settings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.True(body.GetProperty("policeReportRequired").GetBoolean());
        Assert.Equal("2569-2", body.GetProperty("privacyNoticeVersion").GetString());
        // No SMTP relay or SMS gateway configured here: the form offers neither.
        Assert.False(body.GetProperty("notifications").GetProperty("email").GetBoolean());
        Assert.False(body.GetProperty("notifications").GetProperty("sms").GetBoolean());
        var limits = body.GetProperty("limits");
        Assert.Equal(10 * 1024 * 1024, limits.GetProperty("fileBytes").GetInt64());
        Assert.Equal(30 * 1024 * 1024, limits.GetProperty("totalBytes").GetInt64());
        Assert.Equal(5, limits.GetProperty("otherDocumentsMax").GetInt32());
        Assert.Equal(1, limits.GetProperty("fileCount").GetProperty("min").GetInt32());
        Assert.Equal(50, limits.GetProperty("fileCount").GetProperty("max").GetInt32());
        Assert.Equal(120, limits.GetProperty("age").GetProperty("max").GetInt32());
        Assert.Equal(2000, limits.GetProperty("textLengths").GetProperty("reason").GetProperty("max").GetInt32());
        Assert.Equal(["application/pdf", "image/jpeg", "image/png"], limits.GetProperty("fileTypes").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task ALimitInTheSettings_IsTheLimitTheApiEnforces()
    {
        var settings = await JsonAsync(await Client.GetAsync("/api/form-settings"));
        var reasonMax = settings.GetProperty("limits").GetProperty("textLengths").GetProperty("reason").GetProperty("max").GetInt32();

        var atLimit = await SubmitAsync(new SubmissionForm().Set("reason", new string('ก', reasonMax)));
        var overLimit = await SubmitAsync(new SubmissionForm().Set("reason", new string('ก', reasonMax + 1)));

        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, overLimit.StatusCode);
        var field = settings.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "reason");
        Assert.Equal(
            field.GetProperty("messages").GetProperty("tooLong").GetString(),
            (await JsonAsync(overLimit)).GetProperty("errors").GetProperty("reason")[0].GetString());
    }

    [Fact]
    public async Task Organization_IsTheSeededProfile_InBothLanguages()
    {
        var organization = (await JsonAsync(await Client.GetAsync("/api/form-settings"))).GetProperty("organization");

        Assert.Equal("องค์การบริหารส่วนจังหวัดลำปาง", organization.GetProperty("name").GetString());
        Assert.Equal("Lampang Provincial Administrative Organization", organization.GetProperty("nameEn").GetString());
        Assert.Equal("ฝ่ายบริหารงานทั่วไป กองช่าง", organization.GetProperty("department").GetProperty("th").GetString());
        Assert.Equal("054-237600", organization.GetProperty("phone").GetString());
        Assert.Equal("5060", organization.GetProperty("phoneExtension").GetString());
        // One text per purpose: a viewing is arranged by phone; a copy needs a medium.
        var instructions = organization.GetProperty("approvedInstructions");
        Assert.Contains("โทรนัดหมาย", instructions.GetProperty("view").GetProperty("th").GetString());
        Assert.Contains("054-237600", instructions.GetProperty("view").GetProperty("en").GetString());
        Assert.DoesNotContain("แฟลชไดรฟ์", instructions.GetProperty("view").GetProperty("th").GetString());
        Assert.Contains("แฟลชไดรฟ์", instructions.GetProperty("copy").GetProperty("th").GetString());
        Assert.Contains("USB flash drive", instructions.GetProperty("copy").GetProperty("en").GetString());
    }

    [Fact]
    public async Task FieldMessages_AreInTheCallersLanguage()
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "/api/form-settings");
        message.Headers.AcceptLanguage.ParseAdd("en");
        var fields = (await JsonAsync(await Client.SendAsync(message))).GetProperty("fields").EnumerateArray().ToList();

        var age = fields.Single(f => f.GetProperty("name").GetString() == "age");
        Assert.Equal("Please enter your age.", age.GetProperty("messages").GetProperty("required").GetString());
        Assert.Equal("Please enter a number from 1 to 120 for the age.", age.GetProperty("messages").GetProperty("outOfRange").GetString());
        Assert.Contains(fields, f => f.GetProperty("name").GetString() == "passportNumber" && !f.GetProperty("required").GetBoolean());
    }
}
