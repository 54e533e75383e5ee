using System.Net;
using CctvRequests.Domain.Common;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Api.Tests;

/// <summary>POST /api/status/token: the status page behind the QR code.</summary>
public class GetStatusByTokenTests(ApiFactory factory) : ApiTest(factory)
{
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
            request.Receive(new Actor("officer.somchai", "officer.somchai"), Factory.Clock.GetUtcNow(), "internal: called the applicant");
            request.Cancel(new Actor("officer.somchai", "officer.somchai"), Factory.Clock.GetUtcNow().AddMinutes(1), CancellationReason.WrongAttachments, "สำเนาบัตรประชาชนไม่ชัดเจน กรุณายื่นใหม่", "internal: blurry scan");
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
}
