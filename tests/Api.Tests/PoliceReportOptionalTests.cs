using System.Net;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

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
