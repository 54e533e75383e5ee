using System.Net;
using System.Security.Cryptography;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CctvRequests.Api.Tests;

/// <summary>POST .../handover: which clips left the office, on what, to whom, signed for.</summary>
public class HandOverTests(ApiFactory factory) : StaffApiTest(factory)
{
    private static object Body(string sha256, string? signature = null) => new
    {
        medium = "แฟลชไดรฟ์ 32 GB ของผู้ยื่นคำร้อง",
        receivedBy = "นายสมศักดิ์ ใจดี",
        clips = new[] { new { fileName = "cam3-1430.mp4", sizeBytes = 123_456_789L, sha256 } },
        signaturePng = signature ?? Convert.ToBase64String(SampleFiles.Signature()),
    };

    [Fact]
    public async Task AnApprovedCopy_IsHandedOver_AndTheRecordKeepsEveryClipsHash()
    {
        var request = await StoredRequests.AddAsync(Factory, Factory.Clock.GetUtcNow().AddDays(-2), decide: StoredRequests.Approve);
        var reference = request.ReferenceNumber.Value;
        var officer = await SignedInAsync(StaffRoles.Officer);
        var sha = Convert.ToHexStringLower(SHA256.HashData("the clip's bytes"u8));

        var response = await officer.PostAsync($"/api/staff/requests/{reference}/handover", Body(sha.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var (detail, _) = await DetailAsync(officer, reference);
        var handOver = Assert.Single(detail.GetProperty("handOvers").EnumerateArray());
        Assert.Equal(sha, handOver.GetProperty("clips")[0].GetProperty("sha256").GetString());
        Assert.Equal(123_456_789L, handOver.GetProperty("clips")[0].GetProperty("sizeBytes").GetInt64());
        Assert.Equal("แฟลชไดรฟ์ 32 GB ของผู้ยื่นคำร้อง", handOver.GetProperty("medium").GetString());
        var signature = await officer.GetAsync(handOver.GetProperty("signatureUrl").GetString()!);
        Assert.Equal("image/png", signature.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SampleFiles.Pixels(SampleFiles.Signature()), SampleFiles.Pixels(await signature.Content.ReadAsByteArrayAsync()));
        Assert.Contains("handover", detail.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        await using var db = Factory.NewDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "RecordHandOver" && e.ReferenceNumber == reference));
    }

    [Fact]
    public async Task ASignatureCarryingAScriptAndAPage_IsStoredAsItsPixelsOnly()
    {
        var request = await StoredRequests.AddAsync(Factory, Factory.Clock.GetUtcNow().AddDays(-2), decide: StoredRequests.Approve);
        var officer = await SignedInAsync(StaffRoles.Officer);
        var hostile = HostileFiles.PngWithScriptAndHtml(SampleFiles.Signature());

        var response = await officer.PostAsync($"/api/staff/requests/{request.ReferenceNumber}/handover", Body(new string('c', 64), Convert.ToBase64String(hostile)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = (await JsonAsync(response)).GetProperty("signatureUrl").GetString()!;
        var stored = await (await officer.GetAsync(url)).Content.ReadAsByteArrayAsync();
        foreach (var trace in new[] { "tEXt", "<script>", "<html>" })
        {
            Assert.True(stored.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(trace)) < 0, $"the stored signature still holds {trace}");
        }
        Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(stored, stored.Length - 8, 4));
        Assert.Equal(SampleFiles.Pixels(SampleFiles.Signature()), SampleFiles.Pixels(stored));
    }

    [Fact]
    public async Task ARequestNotApproved_OrOnlyToView_HasNoHandOver()
    {
        var pending = await StoredRequests.AddAsync(Factory, Factory.Clock.GetUtcNow().AddDays(-2));
        var view = await StoredRequests.AddAsync(Factory, Factory.Clock.GetUtcNow().AddDays(-2), purpose: Purpose.View, decide: StoredRequests.Approve);
        var officer = await SignedInAsync(StaffRoles.Officer);
        var sha = new string('a', 64);

        await AssertProblemAsync(await officer.PostAsync($"/api/staff/requests/{pending.ReferenceNumber}/handover", Body(sha)), 409);
        await AssertProblemAsync(await officer.PostAsync($"/api/staff/requests/{view.ReferenceNumber}/handover", Body(sha)), 409);
    }

    [Theory]
    [InlineData("not-a-hash", null, "clips[0].sha256")]
    [InlineData("aaaa", null, "clips[0].sha256")]
    [InlineData(null, "blank", "signaturePng")]
    [InlineData(null, "not base64!", "signaturePng")]
    public async Task ABadHandOver_Answers400NamingTheField(string? sha, string? signature, string field)
    {
        var request = await StoredRequests.AddAsync(Factory, Factory.Clock.GetUtcNow().AddDays(-2), decide: StoredRequests.Approve);
        var officer = await SignedInAsync(StaffRoles.Officer);
        var png = signature == "blank" ? Convert.ToBase64String(SampleFiles.BlankSignature()) : signature;

        var response = await officer.PostAsync($"/api/staff/requests/{request.ReferenceNumber}/handover", Body(sha ?? new string('b', 64), png));

        await AssertProblemAsync(response, 400);
        Assert.Contains(field, (await JsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task PrintingTheForm_IsAuditedAsAPrint()
    {
        var reference = await FileAsync();
        var officer = await SignedInAsync(StaffRoles.Officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/staff/requests/{reference}?for=print")).StatusCode);
        await using var db = Factory.NewDbContext();
        Assert.Equal(["PrintRequest"], await db.AuditEntries.Where(e => e.ReferenceNumber == reference).Select(e => e.Action).ToListAsync());
    }
}
