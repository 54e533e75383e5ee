using System.Text.RegularExpressions;
using CctvRequests.TestSupport;
using Microsoft.Playwright;

namespace CctvRequests.Web.Tests;

/// <summary>
/// Each test gets empty request tables and a fresh browser context. Any console error (a CSP
/// violation, a script error, a failed load) fails the test.
/// </summary>
public abstract class BrowserTest(WebFactory factory, BrowserFixture browser) : IAsyncLifetime
{
    public static readonly (int Width, int Height) Phone = (360, 640);
    public static readonly (int Width, int Height) Desktop = (1280, 800);

    private readonly List<IBrowserContext> _contexts = [];

    protected WebFactory Factory { get; } = factory;
    protected List<string> ConsoleErrors { get; } = [];

    public virtual Task InitializeAsync() => Factory.ResetAsync();

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    protected async Task<IPage> OpenAsync(string path = "/", (int Width, int Height)? size = null, string? language = null, bool bypassCsp = false)
    {
        var (width, height) = size ?? Phone;
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "th-TH",
            TimezoneId = "Asia/Bangkok",
            AcceptDownloads = true,
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(10_000);
        // The browser's "today" is the server's: noon of the test run's day in Bangkok, flowing on from there.
        await context.Clock.InstallAsync(new ClockInstallOptions { TimeDate = TestClock.Start.UtcDateTime });
        _contexts.Add(context);
        if (language is not null)
        {
            await context.AddInitScriptAsync($"localStorage.setItem('cctv.lang', '{language}');");
        }
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            // Every staff account has a second factor: the password step answers 401 "code needed" by design.
            if (message.Type == "error" && !(message.Text.Contains("status of 401", StringComparison.Ordinal) && message.Location.Contains("/api/staff/session:", StringComparison.Ordinal)))
            {
                ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
        // The form asks before a half-filled page is left; a test that navigates away means it.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync(Factory.BaseUrl + path);
        return page;
    }

    protected void AssertNoConsoleErrors() => Assert.True(ConsoleErrors.Count == 0, string.Join("\n", ConsoleErrors) + ServerProblems());

    /// <summary>The server's own account of what went wrong, to read beside the browser's.</summary>
    private string ServerProblems() =>
        "\nServer log (warnings and errors):\n" + string.Join("\n", Factory.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).TakeLast(10));

    /// <summary>
    /// No console error but the browser's own note of an HTTP error answer the test caused on purpose
    /// (a 401 asking for the second factor, a 400 shown beside a field).
    /// </summary>
    protected void AssertNoConsoleErrorsBut(params int[] expectedStatuses) => Assert.True(
        ConsoleErrors.All(e => expectedStatuses.Any(s => e.Contains($"status of {s}", StringComparison.Ordinal))),
        string.Join("\n", ConsoleErrors) + ServerProblems());

    private static readonly string Axe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vendor", "axe.min.js"));

    /// <summary>Runs axe-core in the page; returns the serious and critical violations, described.</summary>
    protected static Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page) => ViolationsAsync(page, "serious", "critical");

    /// <summary>Runs axe-core in the page; returns every violation, whatever its impact, described.</summary>
    protected static Task<IReadOnlyList<string>> AllViolationsAsync(IPage page) => ViolationsAsync(page);

    /// <summary>Runs axe-core in the page; returns every violation of the given impacts (all of them when none is given), described.</summary>
    protected static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, params string[] impacts)
    {
        // A table still loading is dimmed (aria-busy): check the page as it settles, not a section half-way.
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[aria-busy=\"true\"]")).ToHaveCountAsync(0);
        await page.EvaluateAsync(Axe);
        var json = await page.EvaluateAsync<string>("""
            async (impacts) => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations
                .filter(v => impacts.length === 0 || impacts.includes(v.impact))
                .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')));
            }
            """, impacts);
        return System.Text.Json.JsonSerializer.Deserialize<List<string>>(json)!;
    }

    protected static string BuddhistDate(DateOnly date) => $"{date.Day:00}/{date.Month:00}/{date.Year + 543}";

    protected static string ThaiDigits(string text) => new(text.Select(c => c is >= '0' and <= '9' ? (char)('\u0E50' + (c - '0')) : c).ToArray());

    protected static Regex Exactly(string text) => new($"^{Regex.Escape(text)}$");

    /// <summary>Saves a screenshot (of the whole page, or of what the screen shows) into the folder named by CCTV_SCREENSHOTS, when it is set.</summary>
    protected static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var folder = Environment.GetEnvironmentVariable("CCTV_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = fullPage });
        }
    }

    /// <summary>
    /// The header's lookup field, named <paramref name="title"/> (ตรวจสอบผล); on a phone it sits behind a button of
    /// that name, which is pressed first, as a person would.
    /// </summary>
    protected static async Task<ILocator> LookupAsync(IPage page, string title = "ตรวจสอบผล")
    {
        var toggle = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = title, Exact = true });
        if (await toggle.IsVisibleAsync() && await toggle.GetAttributeAsync("aria-expanded") != "true")
        {
            await toggle.ClickAsync();
        }
        return page.GetByLabel(title, new PageGetByLabelOptions { Exact = true });
    }

    /// <summary>Saves a screenshot of one part of a page, as <see cref="ScreenshotAsync"/> does.</summary>
    protected static async Task ScreenshotAsync(ILocator part, string name)
    {
        var folder = Environment.GetEnvironmentVariable("CCTV_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, name) });
        }
    }

    protected static async Task<bool> HasHorizontalScrollAsync(IPage page) =>
        await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");

    protected static Task<string> NewNationalId() => Task.FromResult(NationalIds.New());
}
