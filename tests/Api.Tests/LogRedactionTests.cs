using System.Text.RegularExpressions;
using CctvRequests.Application.Staff;
using CctvRequests.TestSupport;

namespace CctvRequests.Api.Tests;

/// <summary>
/// A whole submission and staff flow, every log line of every level captured: no national ID,
/// passport number, phone number or applicant name in any of them; an e-mail classified as
/// personal data is redacted where it is logged.
/// </summary>
public partial class LogRedactionTests(ApiFactory factory) : StaffApiTest(factory)
{
    [GeneratedRegex(@"(?<!\d)\d{13}(?!\d)")]
    private static partial Regex ThirteenDigits();

    [Fact]
    public async Task NoLogLine_HoldsAnIdentityNumberPhoneOrName()
    {
        var id = NationalIds.New();
        var (first, last) = (People.NewName(), People.NewName());
        var (phone, e164) = People.NewMobile();
        var reference = await FileAsync(new SubmissionForm().Set("nationalId", id).Set("firstName", first).Set("lastName", last).Set("phone", phone));
        await FileAsync(new SubmissionForm().WithPassport(number: "QX5566778").Set("firstName", first).Set("phone", phone));
        await PostJsonAsync("/api/status/lookup", new { nationalId = id });
        await PostJsonAsync("/api/status/lookup", new { passportNumber = "QX5566778", passportCountry = "GBR" });
        await SubmitAsync(new SubmissionForm().Set("nationalId", id[..12] + (char)('0' + ((id[12] - '0' + 1) % 10))).Set("phone", "12"));

        var stranger = StaffClient.For(Factory);
        await stranger.SignInAsync("somchai.private@example.go.th", "not the password at all");
        var admin = await SignedInAsync(StaffRoles.Admin);
        await admin.GetAsync($"/api/staff/requests?q={id}");
        var detail = await admin.GetAsync($"/api/staff/requests/{reference}");
        await admin.PostAsync($"/api/staff/requests/{reference}/receive", new { }, detail.Headers.ETag!.Tag);
        await admin.PostAsync($"/api/staff/requests/{reference}/notes", new { text = $"โทรหา {first} ที่ {phone}" });
        await admin.SendAsync(HttpMethod.Put, $"/api/staff/requests/{reference}/applicant", new { field = "phone", value = "0899999999" });
        await admin.PostAsync("/api/staff/subjects/search", new { nationalId = id });
        await admin.PostAsync("/api/staff/subjects/export", new { nationalId = id });
        await admin.PostAsync("/api/staff/subjects/erase", new { nationalId = id, reason = "เจ้าของข้อมูลขอให้ลบ" });

        var lines = Factory.Logs.Lines;
        Assert.NotEmpty(lines);
        // The line is there, with the address erased by the redactor (not merely left out of the template).
        Assert.Contains(lines, l => Regex.IsMatch(l, "Staff sign-in refused for : unknown account"));
        foreach (var line in lines)
        {
            Assert.False(ThirteenDigits().IsMatch(line), line);
            foreach (var secret in new[] { id, "QX5566778", phone, e164, e164[3..], "0899999999", first, last, "somchai.private" })
            {
                Assert.DoesNotContain(secret, line);
            }
        }
    }
}
