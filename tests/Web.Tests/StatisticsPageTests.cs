using System.Text;
using CctvRequests.Application.Staff;
using CctvRequests.Domain.Requests;
using CctvRequests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CctvRequests.Web.Tests;

/// <summary>The manager's numbers: charts drawn, the same numbers as tables, the CSV a click away.</summary>
public class StatisticsPageTests(WebFactory factory, BrowserFixture browser) : WebTest(factory, browser)
{
    [Fact]
    public async Task TheChartsAndTables_CountTheSeededRequests_AndTheCsvOpensInThaiInExcel()
    {
        var now = Factory.Clock.GetUtcNow();
        await StoredRequests.AddAsync(Factory, now.AddDays(-20), stationId: 3, decide: StoredRequests.Approve);
        await StoredRequests.AddAsync(Factory, now.AddDays(-10), stationId: 3, purpose: Purpose.View);
        await StoredRequests.AddAsync(Factory, now.AddDays(-5), stationId: 1, decide: StoredRequests.Cancel(CancellationReason.WrongAttachments));
        await StoredRequests.AddAsync(Factory, now.AddDays(-1), stationId: 3);
        var officer = await TestStaffAccounts.CreateAsync(Factory, StaffRoles.Officer);

        var page = await OpenAsync("/staff/", Desktop);
        await StaffPages.SignInAsync(page, officer);
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "สถิติ", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "สถิติคำร้อง" })).ToBeVisibleAsync();
        await Expect(page.Locator("#stats-status")).ToContainTextAsync("แสดงสถิติ");

        Assert.Equal(new Dictionary<string, string> { ["รออนุมัติ"] = "2", ["เจ้าหน้าที่รับเรื่องแล้ว"] = "0", ["อนุมัติแล้ว"] = "1", ["ยกเลิก"] = "1", ["รวม"] = "4" }, await TableAsync(page, "tbl-status"));
        Assert.Equal(new Dictionary<string, string> { ["เอกสารแนบไม่ถูกต้อง"] = "1", ["รวม"] = "1" }, await TableAsync(page, "tbl-reasons"));
        var stations = await TableAsync(page, "tbl-station");
        Assert.Equal("3", stations["สวนสาธารณะหนองกระทิง อ.เมือง จ.ลำปาง"]);
        Assert.Equal("4", stations["รวม"]);
        // Each chart is drawn by Chart.js with the numbers of its table.
        foreach (var chart in new[] { "status", "purpose", "station", "month" })
        {
            var sum = await page.EvaluateAsync<int>($"() => Chart.getChart(document.getElementById('chart-{chart}')).data.datasets[0].data.reduce((a, b) => a + b, 0)");
            Assert.Equal(4, sum);
        }
        await ScreenshotAsync(page, "staff-statistics-1280.png");
        Assert.Empty(await SeriousViolationsAsync(page));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "ดาวน์โหลด CSV" }).First.ClickAsync());
        var csv = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Contains("อนุมัติแล้ว", Encoding.UTF8.GetString(csv));
        AssertNoConsoleErrors();
    }

    /// <summary>A statistics table as label → number.</summary>
    private static async Task<Dictionary<string, string>> TableAsync(IPage page, string bodyId) =>
        await page.EvaluateAsync<Dictionary<string, string>>($$"""
            () => Object.fromEntries([...document.querySelectorAll('#{{bodyId}} tr')]
              .map(tr => [tr.cells[0].textContent.trim(), tr.cells[1].textContent.trim()]))
            """);
}
