using System.Text.Json;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>
/// Every form the API takes is checked before its endpoint runs (one filter, ADR 0007): a bad value
/// answers 400 naming the field, even where the endpoint would first have refused for another reason
/// (no If-Match, an unknown id). Each row was once validated by hand in its endpoint or its handler.
/// </summary>
public class FormValidationTests(ApiFactory factory) : StaffApiTest(factory)
{
    private static readonly string TooLong = new('ก', 2001);

    public static TheoryData<string, string, string?, string> BadForms() => new()
    {
        { "GET", "/api/staff/requests?status=Bogus", null, "status" },
        { "GET", "/api/staff/requests.csv?submittedFrom=yesterday", null, "submittedFrom" },
        { "GET", "/api/staff/audit?action=Bogus", null, "action" },
        { "GET", "/api/staff/statistics?from=2026-13-01", null, "from" },
        { "GET", "/api/staff/statistics.xlsx?from=2026-13-01", null, "from" },
        { "POST", "/api/staff/requests/{ref}/receive", $$"""{"note":"{{TooLong}}"}""", "note" },
        { "POST", "/api/staff/requests/{ref}/approve", $$"""{"note":"{{TooLong}}"}""", "note" },
        { "POST", "/api/staff/requests/{ref}/cancel", """{"reasonCode":"NoSuchReason","message":"ยกเลิก"}""", "reasonCode" },
        { "POST", "/api/staff/requests/{ref}/notes", """{"text":"  "}""", "text" },
        { "POST", "/api/staff/requests/{ref}/preservation", """{"note":""}""", "note" },
        { "POST", "/api/staff/requests/{ref}/handover", """{"medium":"USB","receivedBy":"ผู้รับ","clips":[],"signaturePng":"iVBORw0KGgo="}""", "clips" },
        { "PUT", "/api/staff/requests/{ref}/applicant", """{"field":"nationalId","value":"1"}""", "field" },
        { "POST", "/api/staff/subjects/search", """{"nationalId":"1234"}""", "nationalId" },
        { "POST", "/api/staff/subjects/export", """{"nationalId":"1234"}""", "nationalId" },
        { "POST", "/api/staff/subjects/erase", """{"nationalId":"{id}","reason":""}""", "reason" },
        { "POST", "/api/staff/subjects/rights-requests", """{"nationalId":"{id}","kind":"Bogus","askedOn":"2026-01-01"}""", "kind" },
        { "POST", $"/api/staff/subjects/rights-requests/{Guid.NewGuid()}/done", """{"note":"bell \u0007"}""", "note" },
        { "POST", "/api/staff/users", """{"email":"not an e-mail","name":"ทดสอบ","role":"Officer"}""", "email" },
        { "PUT", $"/api/staff/users/{Guid.NewGuid()}/role", """{"role":"King"}""", "role" },
        { "POST", "/api/staff/admin/stations", """{"name":"","nameEn":"x","district":"x","footageRetentionDays":30}""", "name" },
        { "PUT", "/api/staff/admin/organization", """{"nameTh":""}""", "nameTh" },
        { "POST", "/api/staff/admin/privacy-notices", """{"version":"!","text":"x","textEn":"x"}""", "version" },
        { "POST", "/api/staff/admin/cancellation-reasons", """{"code":"1","labelTh":"ก","labelEn":"a"}""", "code" },
        { "PUT", "/api/staff/admin/cancellation-reasons/Other", """{"labelTh":"","labelEn":"a"}""", "labelTh" },
        { "PUT", "/api/staff/admin/organization/logo", null, "logo" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task ABadForm_Answers400NamingItsField(string method, string path, string? body, string field)
    {
        var reference = await FileAsync();
        var admin = await SignedInAsync(StaffRoles.Admin);
        var json = body?.Replace("{id}", NationalIds.New(), StringComparison.Ordinal);

        var response = await admin.SendAsync(new HttpMethod(method), path.Replace("{ref}", reference, StringComparison.Ordinal),
            json is null ? null : JsonDocument.Parse(json).RootElement);

        await AssertProblemAsync(response, 400);
        Assert.Contains(field, (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task TheCitizensLookup_IsValidatedByTheSameFilter()
    {
        var response = await PostJsonAsync("/api/status/lookup", new { nationalId = "1234" });

        await AssertProblemAsync(response, 400);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("nationalId", out _));
    }
}
