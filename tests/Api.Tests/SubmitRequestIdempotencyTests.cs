using System.Net;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Api.Tests;

/// <summary>Idempotency-Key: one key, one request, however many times or at once it is sent.</summary>
public class SubmitRequestIdempotencyTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task SameIdempotencyKeyTwice_CreatesOneRequest_AndAnswersTheSame()
    {
        var form = new SubmissionForm();
        var key = Guid.NewGuid().ToString();

        var first = await SubmitAsync(form, key);
        var second = await SubmitAsync(form, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var a = await JsonAsync(first);
        var b = await JsonAsync(second);
        Assert.Equal(a.GetProperty("referenceNumber").GetString(), b.GetProperty("referenceNumber").GetString());
        Assert.Equal(a.GetProperty("statusUrl").GetString(), b.GetProperty("statusUrl").GetString());
        Assert.Equal(a.GetProperty("qrCodePng").GetString(), b.GetProperty("qrCodePng").GetString());
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        await using var db = Factory.NewDbContext();
        Assert.Equal(1, await db.FootageRequests.CountAsync());
        Assert.Equal(form.Files.Count, await db.Set<Domain.Requests.Attachment>().CountAsync());
        Assert.Equal(form.Files.Count, Factory.StoredFiles().Count);
    }

    [Fact]
    public async Task SameIdempotencyKey_SentTwiceAtOnce_StillCreatesOneRequest()
    {
        var form = new SubmissionForm();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(SubmitAsync(form, key), SubmitAsync(form, key), SubmitAsync(form, key));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var references = await Task.WhenAll(responses.Select(async r => (await JsonAsync(r)).GetProperty("referenceNumber").GetString()));
        Assert.Single(references.Distinct());
        await using var db = Factory.NewDbContext();
        Assert.Equal(1, await db.FootageRequests.CountAsync());
        Assert.Equal(form.Files.Count, Factory.StoredFiles().Count);
    }

    [Fact]
    public async Task SameIdempotencyKey_WithADifferentRequest_Answers422()
    {
        var key = Guid.NewGuid().ToString();
        await SubmitOkAsync(new SubmissionForm(), key);
        var response = await SubmitAsync(new SubmissionForm().Set("reason", "อีกคำร้องหนึ่งที่ไม่เหมือนเดิมเลย"), key);
        await AssertProblemAsync(response, 422);
        await using var db = Factory.NewDbContext();
        Assert.Equal(1, await db.FootageRequests.CountAsync());
    }
}
