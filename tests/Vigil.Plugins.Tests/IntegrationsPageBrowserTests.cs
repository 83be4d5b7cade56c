using Microsoft.Playwright;
using Vigil.Testing;
using Vigil.Testing.Fixtures;

namespace Vigil.Plugins.Tests;

/// <summary>The Integrations page in real Chromium: plugins with their status, a registry added, tested and browsed.</summary>
public sealed class IntegrationsPageBrowserTests(PluginsFixture fixture)
{
    private const string Secret = "Page-Secret-4242";

    [Fact]
    public async Task An_admin_adds_tests_browses_and_edits_a_registry_and_the_secret_never_reaches_the_page()
    {
        Assert.SkipUnless(DatedImages.Available, "needs docker-registry, skopeo, htpasswd, umoci");
        using var registry = new RegistryServerFixture(RegistryAuthMode.Basic);
        DatedImages.Push(registry, ("team/api:1.0", DateTimeOffset.UtcNow.AddDays(-3)), ("team/api:1.1", DateTimeOffset.UtcNow.AddDays(-1)));
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewSignedInPageAsync(fixture.Host.BaseAddress);

        await page.GotoAsync("/integrations");
        await Browser.WaitForInteractiveAsync(page);
        var plugins = page.Locator("#plugins-table");
        await Assertions.Expect(plugins).ToContainTextAsync("Docker Registry");
        await Assertions.Expect(plugins).ToContainTextAsync("test plugin refuses to start");
        await Assertions.Expect(plugins).ToContainTextAsync("built for SDK ^2.0");

        await page.ClickAsync("#new-integration");
        await page.Locator("#integration-editor .mud-select").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Container registry (v2) (Docker Registry)" }).ClickAsync();
        await page.FillAsync("#integration-name", "Team registry");
        await page.GetByLabel("Registry host *").FillAsync(registry.Host);
        await page.GetByLabel("Plain HTTP").CheckAsync();
        await page.GetByLabel("User name").FillAsync(RegistryServerFixture.Username);
        await page.GetByLabel("Password or token").FillAsync(RegistryServerFixture.Password);
        await Browser.ScreenshotAsync(page, "integrations-add-registry");
        await page.ClickAsync("#save-integration");

        var table = page.Locator("#integrations-table");
        await Assertions.Expect(table).ToContainTextAsync("Team registry");
        // Other tests share this console: act on this integration's row only.
        var row = table.Locator("tr", new() { HasText = "Team registry" });
        await Assertions.Expect(row).ToContainTextAsync("password: set");
        await row.Locator(".test-integration").ClickAsync();
        await Assertions.Expect(row.Locator(".test-result")).ToContainTextAsync("the catalog lists 1 repository", new() { Timeout = 30_000 });

        await row.GetByRole(AriaRole.Button, new() { Name = "Browse" }).ClickAsync();
        await page.Locator("#repositories").GetByText("team/api").ClickAsync();
        var tags = page.Locator("#tags-table");
        await Assertions.Expect(tags.Locator("tbody tr")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Assertions.Expect(tags.Locator("tbody tr").First).ToContainTextAsync("1.1");
        await Browser.ScreenshotAsync(page, "integrations");

        await row.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Password or token")).ToHaveAttributeAsync("placeholder", "set — type to replace");
        await Assertions.Expect(page.GetByLabel("Password or token")).ToHaveValueAsync("");
        await Browser.ScreenshotAsync(page, "integrations-edit-registry");
        Assert.DoesNotContain(RegistryServerFixture.Password, await page.ContentAsync(), StringComparison.Ordinal);
        await page.ClickAsync("#save-integration");
        await Assertions.Expect(page.Locator("#integration-editor")).ToHaveCountAsync(0);

        // Saved without retyping it: the stored secret was kept.
        await row.Locator(".test-integration").ClickAsync();
        await Assertions.Expect(row.Locator(".test-result")).ToContainTextAsync("Connected to", new() { Timeout = 30_000 });
        Assert.DoesNotContain(RegistryServerFixture.Password, await page.ContentAsync(), StringComparison.Ordinal);
    }
}
