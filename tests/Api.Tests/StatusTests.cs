using Microsoft.AspNetCore.Builder;
using System.Net;
using CctvRequests.Domain.Requests;
using CctvRequests.Infrastructure.RateLimiting;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CctvRequests.Api.Tests;

/// <summary>The citizen follows a request by national ID or by the QR code's token.</summary>
public class StatusTests(ApiFactory factory) : ApiTest(factory)
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
            ["incidentDate", "referenceNumber", "stationName", "status", "statusText", "submittedAt"],
            item.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(submitted.GetProperty("referenceNumber").GetString(), item.GetProperty("referenceNumber").GetString());
        Assert.Equal("Pending", item.GetProperty("status").GetString());
        Assert.Equal("รออนุมัติ", item.GetProperty("statusText").GetString());
        Assert.Equal("บริเวณสวนสาธารณะหนองกระทิง อ.เมือง จ.ลำปาง", item.GetProperty("stationName").GetString());
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
        var throttle = Factory.Services.GetRequiredService<LookupThrottle>();
        var id = Domain.Common.NationalId.Parse(NationalIds.New());
        for (var i = 0; i < 5; i++)
        {
            throttle.ForClient($"10.0.0.{i}");
            throttle.ForNationalId(id);
        }
        throttle.ForClient("10.0.0.99");
        Assert.Throws<Application.Common.TooManyRequestsException>(() => throttle.ForNationalId(id));
        throttle.ForNationalId(Domain.Common.NationalId.Parse(NationalIds.New())); // another ID is still fine
    }

    [Fact]
    public async Task TokenLookup_ReturnsTheStatusWithAMaskedName()
    {
        var submitted = await SubmitOkAsync(new SubmissionForm());
        var token = TokenOf(submitted.GetProperty("statusUrl").GetString()!);

        var response = await PostJsonAsync("/api/status/token", new { token });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(submitted.GetProperty("referenceNumber").GetString(), body.GetProperty("referenceNumber").GetString());
        Assert.Equal("Pending", body.GetProperty("status").GetString());
        Assert.Equal("รออนุมัติ", body.GetProperty("statusText").GetString());
        Assert.Equal("Copy", body.GetProperty("purpose").GetString());
        Assert.Equal("นายสม*** ใจ***", body.GetProperty("maskedName").GetString());
        var step = Assert.Single(body.GetProperty("history").EnumerateArray());
        Assert.Equal("Pending", step.GetProperty("status").GetString());
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("สมศักดิ์", raw);
        Assert.DoesNotContain("citizen", raw); // actors are internal
    }

    [Fact]
    public async Task TokenLookup_ShowsTheCancellationReason_ButNeverInternalNotesOrOfficers()
    {
        var submitted = await SubmitOkAsync(new SubmissionForm());
        var token = TokenOf(submitted.GetProperty("statusUrl").GetString()!);
        await using (var db = Factory.NewDbContext())
        {
            var request = await db.FootageRequests.Include(r => r.History).SingleAsync();
            request.Receive("officer.somchai", DateTimeOffset.UtcNow, "internal: called the applicant");
            request.Cancel("officer.somchai", DateTimeOffset.UtcNow.AddMinutes(1), CancellationReason.WrongAttachments, "สำเนาบัตรประชาชนไม่ชัดเจน กรุณายื่นใหม่", "internal: blurry scan");
            await db.SaveChangesAsync();
        }

        var body = await JsonAsync(await PostJsonAsync("/api/status/token", new { token }));

        Assert.Equal("Cancelled", body.GetProperty("status").GetString());
        var last = body.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("WrongAttachments", last.GetProperty("reasonCode").GetString());
        Assert.Equal("เอกสารแนบไม่ถูกต้อง", last.GetProperty("reason").GetString());
        Assert.Equal("สำเนาบัตรประชาชนไม่ชัดเจน กรุณายื่นใหม่", last.GetProperty("message").GetString());
        var raw = body.GetRawText();
        Assert.DoesNotContain("internal:", raw);
        Assert.DoesNotContain("somchai", raw);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // well formed, unknown
    [InlineData("not-a-token")]
    public async Task TokenLookup_WithAWrongToken_Answers404(string token)
    {
        await SubmitOkAsync(new SubmissionForm());
        await AssertProblemAsync(await PostJsonAsync("/api/status/token", new { token }), 404);
    }

    [Fact]
    public async Task TokenLookup_WithoutAToken_Answers400() =>
        await AssertProblemAsync(await PostJsonAsync("/api/status/token", new { }), 400);

    [Fact]
    public async Task QrCodeFromTheSubmission_DecodesToExactlyTheStatusUrl()
    {
        var submitted = await SubmitOkAsync(new SubmissionForm());
        var statusUrl = submitted.GetProperty("statusUrl").GetString();

        var decoded = QrCodes.Decode(Convert.FromBase64String(submitted.GetProperty("qrCodePng").GetString()!));

        Assert.Equal(statusUrl, decoded);
    }

    [Fact]
    public async Task QrEndpoint_ReturnsAPngThatDecodesToTheStatusUrl()
    {
        var submitted = await SubmitOkAsync(new SubmissionForm());
        var statusUrl = submitted.GetProperty("statusUrl").GetString()!;

        var response = await PostJsonAsync("/api/status/qr", new { token = TokenOf(statusUrl) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(statusUrl, QrCodes.Decode(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task QrEndpoint_WithAWrongToken_Answers404() =>
        await AssertProblemAsync(await PostJsonAsync("/api/status/qr", new { token = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }), 404);

    [Fact]
    public async Task PrivacyNotice_IsTheCurrentVersionInThaiAndEnglish()
    {
        var response = await Client.GetAsync("/api/privacy-notice");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("2569-1", body.GetProperty("version").GetString());
        Assert.Contains("ไม่เกิน 3 ปี", body.GetProperty("text").GetString());
        Assert.Contains("054-237600 ต่อ 5060", body.GetProperty("text").GetString());
        Assert.Contains("3 years", body.GetProperty("textEn").GetString());
    }
}

/// <summary>An organization that does not require the police report (Documents:PoliceReportRequired=false).</summary>
public sealed class PoliceReportOptionalFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Documents:PoliceReportRequired"] = "false",
    };
}

public sealed class PoliceReportOptionalTests(PoliceReportOptionalFactory factory) : IClassFixture<PoliceReportOptionalFactory>
{
    [Fact]
    public async Task SubmissionWithoutAPoliceReport_IsAccepted()
    {
        var response = await factory.CreateClient().PostAsync("/api/requests", new SubmissionForm().Without("policeReport").ToContent());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}

/// <summary>
/// Behind a trusted reverse proxy, each citizen's own address counts for the lookup limit. The
/// test host makes every connection come from the proxy (10.9.9.9), as a proxy's would.
/// </summary>
public sealed class BehindAProxyFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies"] = "10.9.9.9",
    };

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, FromProxy>());
    }

    private sealed class FromProxy : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("10.9.9.9");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class BehindAProxyTests(BehindAProxyFactory factory) : IClassFixture<BehindAProxyFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<HttpStatusCode> LookupForAsync(string clientAddress)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/status/lookup")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { nationalId = NationalIds.New() }),
        };
        message.Headers.Add("X-Forwarded-For", clientAddress);
        return (await _client.SendAsync(message)).StatusCode;
    }

    [Fact]
    public async Task TheLimitCountsEachForwardedClient_NotTheProxy()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await LookupForAsync("203.0.113.1"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await LookupForAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await LookupForAsync("203.0.113.2"));
    }
}
