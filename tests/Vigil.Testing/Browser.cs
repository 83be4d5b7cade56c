using Microsoft.Playwright;

namespace Vigil.Testing;

/// <summary>
/// Debian's Chromium driven by Playwright (browser downloads are impossible here; the driver ships in the NuGet
/// package). The README's test command installs <c>chromium</c>.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    /// <summary>Where tests leave screenshots for people to look at.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(Path.GetTempPath(), "vigil-screenshots");

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium package.");
        }

        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no network: these flags stop Chromium's background calls home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Browser(playwright, chromium);
    }

    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>Opens a new page signed in through the login page, as the given user (the bootstrap Admin by default).</summary>
    public async Task<IPage> NewSignedInPageAsync(Uri baseAddress, string email = DashboardHost.AdminEmail, string password = DashboardHost.AdminPassword)
    {
        var page = await NewPageAsync(baseAddress);
        await SignInAsync(page, email, password);
        return page;
    }

    /// <summary>Signs in through the login page and waits until the browser has left it.</summary>
    public static async Task SignInAsync(IPage page, string email = DashboardHost.AdminEmail, string password = DashboardHost.AdminPassword)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("#login-submit");
        // Poll the URL rather than wait for the next page's load event: the landing page is interactive and its load
        // event can be missed, which made WaitForURLAsync time out on a busy machine.
        await Assertions.Expect(page).ToHaveURLAsync(NotTheLoginPage, new() { Timeout = 30_000 });
    }

    private static readonly System.Text.RegularExpressions.Regex NotTheLoginPage = new("^(?!.*/login)");

    /// <summary>Waits until the page's Blazor circuit is live (the layout marks the body), so clicks are handled.</summary>
    public static async Task WaitForInteractiveAsync(IPage page) =>
        await page.WaitForSelectorAsync("body[data-vigil-interactive]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
