using System.Net.Http.Json;
using Microsoft.Playwright;
using Vigil.Core.Json;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Workflows;

/// <summary>The Workflows, Approvals and Policies pages in headless Chromium, signed in as the bootstrap Admin.</summary>
public sealed class WorkflowPagesBrowserTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHost Host => fixture.Host;

    [Fact]
    public async Task Admin_enables_a_template_reads_a_journal_approves_and_edits_policies()
    {
        using var api = Host.Api();
        using (await api.Http.PutAsJsonAsync("/api/v1/workflows/ui-hello", WorkflowJsonSamples.ManualLog("ui-hello"), VigilJson.Options))
        using (await api.Http.PutAsJsonAsync("/api/v1/workflows/ui-gate", WorkflowJsonSamples.ManualApproval("ui-gate"), VigilJson.Options))
        {
        }

        await api.PostJsonAsync("/api/v1/workflows/ui-hello/publish", new { });
        await api.PostJsonAsync("/api/v1/workflows/ui-gate/publish", new { });
        await api.PostJsonAsync("/api/v1/workflows/ui-hello/start", new { input = new { who = "browser" } });
        var gated = (await api.PostJsonAsync("/api/v1/workflows/ui-gate/start", new { })).GetProperty("instanceId").GetString()!;

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewSignedInPageAsync(Host.BaseAddress);

        // Workflows: the disabled template, enabled from the page.
        await page.GotoAsync("/workflows");
        await Browser.WaitForInteractiveAsync(page);
        var template = page.Locator("#workflows-table tr", new() { HasText = "Scan new nodes before deployment" });
        await Assertions.Expect(template).ToContainTextAsync("disabled");
        await template.GetByRole(AriaRole.Button, new() { Name = "Enable" }).ClickAsync();
        await Assertions.Expect(template).ToContainTextAsync("enabled");
        var listed = await api.GetJsonAsync("/api/v1/workflows/scan-new-nodes-before-deployment");
        Assert.True(listed.GetProperty("summary").GetProperty("isEnabled").GetBoolean());

        // An instance's journal as a timeline.
        await page.Locator("#workflows-table tr", new() { HasText = "Flow ui-hello" }).GetByRole(AriaRole.Button, new() { Name = "Runs" }).ClickAsync();
        await page.Locator("#instances-table tbody tr").First.ClickAsync();
        await Assertions.Expect(page.Locator("#journal")).ToContainTextAsync("hello browser");
        await Browser.ScreenshotAsync(page, "workflows");

        // Approvals: approving resumes the instance.
        await page.GotoAsync("/workflows/approvals");
        await Browser.WaitForInteractiveAsync(page);
        var request = page.Locator("#approvals-table tr", new() { HasText = "Deploy?" });
        await Browser.ScreenshotAsync(page, "approvals");
        await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Nothing is waiting for approval")).ToBeVisibleAsync();
        var instance = await api.GetJsonAsync($"/api/v1/workflow-instances/{gated}");
        Assert.Equal("finished", instance.GetProperty("instance").GetProperty("status").GetString());

        // Policies: a typo is refused with the reader's words, a valid body is saved.
        await page.GotoAsync("/policies");
        await Browser.WaitForInteractiveAsync(page);
        await page.ClickAsync("#new-policy");
        await page.Locator("#policy-name").FillAsync("from-ui");
        await page.Locator("#policy-body").FillAsync("{ \"maxCount\": { \"critcal\": 0 } }");
        await page.ClickAsync("#save-policy");
        await Assertions.Expect(page.Locator("#policy-error")).ToContainTextAsync("critcal");
        await page.Locator("#policy-body").FillAsync("{ \"maxCount\": { \"critical\": 0 }, \"maxScore\": 7 }");
        await page.ClickAsync("#save-policy");
        await Assertions.Expect(page.Locator("#policies-table")).ToContainTextAsync("from-ui");
        await Browser.ScreenshotAsync(page, "policies");
        var saved = await api.GetJsonAsync("/api/v1/policies/from-ui");
        Assert.Equal(7, saved.GetProperty("maxScore").GetInt32());
    }
}
