using System.Text.Json;
using System.Text.RegularExpressions;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>What a staff member does in the browser, found by the visible Thai labels.</summary>
public static class StaffPages
{
    public static ILocator Button(IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    /// <summary>Signs in at /staff/, answering the second step with the authenticator's code when it is asked.</summary>
    public static async Task SignInAsync(IPage page, TestStaff staff, bool english = false)
    {
        string L(string thai, string en) => english ? en : thai;
        await page.GetByLabel(L("อีเมล", "Email"), new PageGetByLabelOptions { Exact = true }).FillAsync(staff.Email);
        await page.GetByLabel(L("รหัสผ่าน", "Password"), new PageGetByLabelOptions { Exact = true }).FillAsync(staff.Password);
        await Button(page, L("เข้าสู่ระบบ", "Sign in")).ClickAsync();
        if (staff.TotpKey is not null)
        {
            var code = page.GetByLabel(L("รหัสยืนยันตัวตน", "Verification code"), new PageGetByLabelOptions { Exact = true });
            await Expect(code).ToBeVisibleAsync();
            await code.FillAsync(staff.Code());
            await Button(page, L("ยืนยัน", "Verify")).ClickAsync();
        }
        await page.WaitForURLAsync(new Regex("/staff/(requests|account)$"));
    }

    /// <summary>Receives, then approves or cancels, a request as the officers would (straight through the domain, now).</summary>
    public static async Task DecideAsync(ApiFactory factory, string reference, bool approve = true)
    {
        await using var db = factory.NewDbContext();
        Assert.True(ReferenceNumber.TryParse(reference, out var number));
        var request = await db.FootageRequests.SingleAsync(r => r.ReferenceNumber == number);
        var now = factory.Clock.GetUtcNow();
        if (approve)
        {
            StoredRequests.Approve(request, now);
        }
        else
        {
            StoredRequests.Cancel(CancellationReason.IncompleteData)(request, now);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Files a request as the citizen's page would, straight through the API.</summary>
    public static async Task<(string Reference, string StatusUrl)> FileAsync(string baseUrl, SubmissionForm form)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var response = await client.PostAsync("/api/requests", form.ToContent());
        response.EnsureSuccessStatusCode();
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (body.GetProperty("referenceNumber").GetString()!, body.GetProperty("statusUrl").GetString()!);
    }
}
