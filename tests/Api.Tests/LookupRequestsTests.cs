using System.Net;
using CctvRequests.Application.Abstractions;
using CctvRequests.Infrastructure.RateLimiting;
using CctvRequests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Api.Tests;

/// <summary>POST /api/status/lookup: the citizen's requests by identity document, with little disclosed and limited.</summary>
public class LookupRequestsTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task LookupByNationalId_ReturnsOnlyTheAllowedFields()
    {
        var form = new SubmissionForm();
        var submitted = await SubmitOkAsync(form);

        var response = await PostJsonAsync("/api/status/lookup", new { nationalId = form.NationalId });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single((await JsonAsync(response)).EnumerateArray());
        Assert.Equal(
            ["incidentDate", "referenceNumber", "stationId", "stationName", "status", "statusText", "submittedAt"],
            item.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(submitted.GetProperty("referenceNumber").GetString(), item.GetProperty("referenceNumber").GetString());
        Assert.Equal("Pending", item.GetProperty("status").GetString());
        Assert.Equal("รออนุมัติ", item.GetProperty("statusText").GetString());
        Assert.Equal("สวนสาธารณะหนองกระทิง อ.เมือง จ.ลำปาง", item.GetProperty("stationName").GetString());
        Assert.Equal(form.Fields["incidentDate"], item.GetProperty("incidentDate").GetString());
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("สมศักดิ์", raw);
        Assert.DoesNotContain(form.Fields["address"], raw);
        Assert.DoesNotContain("5678", raw);
    }

    [Fact]
    public async Task LookupByNationalId_InThaiDigitsWithDashes_FindsTheSameRequests()
    {
        var form = new SubmissionForm();
        await SubmitOkAsync(form);
        await SubmitOkAsync(new SubmissionForm().Set("nationalId", form.NationalId));
        await SubmitOkAsync(new SubmissionForm()); // someone else

        var response = await PostJsonAsync("/api/status/lookup", new { nationalId = NationalIds.InThaiDigitsWithDashes(form.NationalId) });

        Assert.Equal(2, (await JsonAsync(response)).GetArrayLength());
    }

    [Fact]
    public async Task LookupByUnknownNationalId_ReturnsAnEmptyArray()
    {
        await SubmitOkAsync(new SubmissionForm());
        var response = await PostJsonAsync("/api/status/lookup", new { nationalId = NationalIds.New() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await JsonAsync(response)).GetArrayLength());
    }

    [Theory]
    [InlineData("1112034563563")]
    [InlineData("12345")]
    [InlineData("")]
    public async Task LookupByMalformedNationalId_Answers400(string nationalId)
    {
        var response = await PostJsonAsync("/api/status/lookup", new { nationalId });
        await AssertProblemAsync(response, 400);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("nationalId", out _));
    }

    [Fact]
    public async Task LookupWithoutABody_Answers400ProblemJson()
    {
        var response = await Client.PostAsync("/api/status/lookup", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, 400);
    }

    [Fact]
    public async Task SixthLookupWithin15Minutes_Answers429WithRetryAfter()
    {
        for (var i = 0; i < 5; i++)
        {
            var ok = await PostJsonAsync("/api/status/lookup", new { nationalId = NationalIds.New() });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var sixth = await PostJsonAsync("/api/status/lookup", new { nationalId = NationalIds.New() });

        await AssertProblemAsync(sixth, 429);
        var retryAfter = int.Parse(sixth.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 15 * 60);
    }

    [Fact]
    public void Throttle_LimitsOneNationalIdAcrossClients()
    {
        var throttle = Factory.Services.GetRequiredService<SlidingWindowThrottle>();
        var id = Domain.Common.IdentityDocument.Of(Domain.Common.NationalId.Parse(NationalIds.New()));
        for (var i = 0; i < 5; i++)
        {
            throttle.ForClient(ThrottlePolicy.Lookup, System.Net.IPAddress.Parse($"10.0.0.{i}"));
            throttle.ForDocument(ThrottlePolicy.Lookup, id);
        }
        throttle.ForClient(ThrottlePolicy.Lookup, System.Net.IPAddress.Parse("10.0.0.99"));
        Assert.Throws<Application.Common.TooManyRequestsException>(() => throttle.ForDocument(ThrottlePolicy.Lookup, id));
        throttle.ForDocument(ThrottlePolicy.Lookup, Domain.Common.IdentityDocument.Of(Domain.Common.NationalId.Parse(NationalIds.New()))); // another ID is still fine
    }
}
