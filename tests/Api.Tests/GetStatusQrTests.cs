using System.Net;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>The QR code: in the submission's answer and again from POST /api/status/qr.</summary>
public class GetStatusQrTests(ApiFactory factory) : ApiTest(factory)
{
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
}
