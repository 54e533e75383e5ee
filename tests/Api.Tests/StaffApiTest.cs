using System.Text.Json;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>What the staff tests share: a filed request, a signed-in member of a role, a request's detail with its ETag.</summary>
public abstract class StaffApiTest(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>Files a request as a citizen does and answers its reference number.</summary>
    protected async Task<string> FileAsync(SubmissionForm? form = null) =>
        (await SubmitOkAsync(form ?? new SubmissionForm())).GetProperty("referenceNumber").GetString()!;

    protected async Task<StaffClient> SignedInAsync(string role) =>
        await StaffClient.SignedInAsync(Factory, await TestStaffAccounts.CreateAsync(Factory, role));

    protected static async Task<(JsonElement Body, string ETag)> DetailAsync(StaffClient client, string reference)
    {
        var response = await client.GetAsync($"/api/staff/requests/{reference}");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await StaffClient.ReadAsync(response), response.Headers.ETag!.ToString());
    }
}
