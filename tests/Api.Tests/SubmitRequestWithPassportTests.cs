using System.Net;
using CctvRequests.Domain.Common;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Api.Tests;

/// <summary>SPEC §8.10: a foreign resident or tourist files with a passport and follows the request by it.</summary>
public class SubmitRequestWithPassportTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task PassportHolder_FilesInEnglish_AndFindsTheRequestByPassport()
    {
        var form = new SubmissionForm().WithPassport(number: "ab-123 4567", country: "gbr");
        form.Set("title", "Mr").Set("firstName", "John").Set("lastName", "Smith").Set("reason", "I lost my wallet near the park.");

        var response = await SubmitAsync(form, language: "en");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reference = (await JsonAsync(response)).GetProperty("referenceNumber").GetString();
        await using (var db = Factory.NewDbContext())
        {
            var stored = await db.FootageRequests.SingleAsync();
            Assert.Equal(IdentityDocumentKind.Passport, stored.Applicant.Identity.Kind);
            Assert.Equal("AB1234567", stored.Applicant.Identity.Number);
            Assert.Equal("GBR", stored.Applicant.Identity.Country);
        }

        var found = await JsonAsync(await PostJsonAsync("/api/status/lookup", new { passportNumber = "AB1234567", passportCountry = "GBR" }, language: "en"));

        var item = Assert.Single(found.EnumerateArray());
        Assert.Equal(reference, item.GetProperty("referenceNumber").GetString());
        Assert.Equal("Pending approval", item.GetProperty("statusText").GetString());
    }

    [Fact]
    public async Task TheSamePassportNumber_FromAnotherCountry_FindsNothing()
    {
        await SubmitOkAsync(new SubmissionForm().WithPassport(number: "XK1234567", country: "GBR"));

        var found = await JsonAsync(await PostJsonAsync("/api/status/lookup", new { passportNumber = "XK1234567", passportCountry = "FRA" }));

        Assert.Empty(found.EnumerateArray());
    }

    [Theory]
    [InlineData("{\"nationalId\":\"1112034563562\",\"passportNumber\":\"XK1234567\",\"passportCountry\":\"GBR\"}", "passportNumber")]
    [InlineData("{}", "nationalId")]
    [InlineData("{\"passportNumber\":\"XK1234567\"}", "passportCountry")]
    [InlineData("{\"passportCountry\":\"GBR\"}", "passportNumber")]
    [InlineData("{\"passportNumber\":\"XK1234567\",\"passportCountry\":\"ZZZ\"}", "passportCountry")]
    public async Task Lookup_WithAWrongCombination_Answers400NamingTheField(string body, string field)
    {
        var response = await Client.PostAsync("/api/status/lookup", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, 400);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task PassportNumber_IsMaskedInTheLog()
    {
        await SubmitOkAsync(new SubmissionForm().WithPassport(number: "QZ9876543"));
        await PostJsonAsync("/api/status/lookup", new { passportNumber = "QZ9876543", passportCountry = "GBR" });

        Assert.DoesNotContain(Factory.Logs.Lines, line => line.Contains("QZ9876543", StringComparison.Ordinal));
    }
}
