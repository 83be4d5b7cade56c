using System.Text.Json;
using Microsoft.Playwright;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Designer;

/// <summary>The workflow designer in headless Chromium against a real dashboard, signed in as the bootstrap Admin.</summary>
public sealed class WorkflowDesignerBrowserTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHost Host => fixture.Host;

    [Fact]
    public async Task Admin_draws_the_scan_new_nodes_flow_by_drag_and_drop_publishes_and_enables_it()
    {
        await using var browser = await Browser.LaunchAsync();
        var designer = await DesignerPage.SignInAsync(browser, Host.BaseAddress);
        var id = "";
        await OrScreenshotAsync(designer.Page, "designer-draw", async () =>
        {
            await designer.Page.GotoAsync("/workflows");
            await Browser.WaitForInteractiveAsync(designer.Page);
            await designer.Page.ClickAsync("#new-workflow");
            await designer.Page.WaitForURLAsync(u => u.Contains("/designer", StringComparison.Ordinal));
            await Browser.WaitForInteractiveAsync(designer.Page);
            await designer.WaitForActivitiesAsync(0);
            id = new Uri(designer.Page.Url).Segments[^2].TrimEnd('/');

            await designer.Page.ClickAsync(".mud-tab:has-text('Flow')");
            await designer.Page.FillAsync("#workflow-name", "Scan new nodes (drawn)");
            await designer.Page.PressAsync("#workflow-name", "Tab");
            await Assertions.Expect(designer.Page.Locator(".vigil-designer-title h1")).ToHaveTextAsync("Scan new nodes (drawn)");

            await designer.DropAsync("Vigil.NodeRegistered", 130, 130);
            await designer.DropAsync("Vigil.StartScan", 130, 270);
            await designer.DropAsync("Vigil.WaitForScan", 130, 410);
            await designer.DropAsync("Vigil.EvaluatePolicy", 130, 550);
            await designer.DropAsync("Vigil.RemoveNode", 430, 130);
            await designer.DropAsync("Vigil.Notify", 430, 300);
            await designer.DropAsync("Vigil.AddLabel", 430, 470);

            await designer.ConnectAsync("nodeRegistered", "Done", "startScan");
            await designer.ConnectAsync("startScan", "Done", "waitForScan");
            await designer.ConnectAsync("waitForScan", "Completed", "evaluatePolicy");
            await designer.ConnectAsync("evaluatePolicy", "Fail", "removeNode");
            await designer.ConnectAsync("evaluatePolicy", "Fail", "notify");
            await designer.ConnectAsync("evaluatePolicy", "Pass", "addLabel");
            await designer.Page.ClickAsync("#designer-layout");

            // Live validation from the engine: missing required inputs are flagged until the panel fills them in.
            await Assertions.Expect(designer.Page.Locator("#designer-validity")).ToContainTextAsync("problem");
            await Assertions.Expect(designer.Page.Locator(".vigil-canvas g[data-cell-id='waitForScan'] .vigil-node-problem:not(.vigil-hidden)")).ToHaveCountAsync(1);

            await designer.SelectAsync("waitForScan");
            await designer.SetExpressionAsync("waitForScan", "scanId", "activities.startScan.outputs.scanId");
            await designer.SelectAsync("evaluatePolicy");
            await designer.SetTextAsync("evaluatePolicy", "policy", "default");
            await designer.SetExpressionAsync("evaluatePolicy", "scanId", "activities.startScan.outputs.scanId");
            await designer.SelectAsync("removeNode");
            await designer.SetExpressionAsync("removeNode", "reason", "'Failed policy: ' + activities.evaluatePolicy.outputs.reasons.join('; ')");
            await designer.SelectAsync("notify");
            await designer.SetExpressionAsync("notify", "title", "'Node ' + input.nodeName + ' removed'");
            await designer.SetTextAsync("notify", "text", "The node failed the default policy and was quarantined.");
            await designer.SelectAsync("addLabel");
            await designer.SetTextAsync("addLabel", "key", "vigil/approved");

            await Assertions.Expect(designer.Page.Locator("#designer-validity")).ToHaveTextAsync("Valid");
            await Assertions.Expect(designer.Page.Locator(".vigil-canvas .vigil-node-problem:not(.vigil-hidden)")).ToHaveCountAsync(0);
            await Browser.ScreenshotAsync(designer.Page, "designer-scan-new-nodes");

            await designer.Page.ClickAsync("#designer-publish");
            await Assertions.Expect(designer.Page.Locator(".vigil-designer-title")).ToContainTextAsync("v1 published");
            await designer.Page.GetByLabel("Enabled").CheckAsync();
        });

        using var api = Host.Api();
        await WaitUntilAsync(async () => (await api.GetJsonAsync($"/api/v1/workflows/{id}")).GetProperty("summary").GetProperty("isEnabled").GetBoolean());
        var published = await api.GetJsonAsync($"/api/v1/workflows/{id}/versions/1");
        Assert.Equal("Scan new nodes (drawn)", published.GetProperty("name").GetString());
        Assert.Equal(
            ["addLabel:Vigil.AddLabel", "evaluatePolicy:Vigil.EvaluatePolicy", "nodeRegistered:Vigil.NodeRegistered", "notify:Vigil.Notify", "removeNode:Vigil.RemoveNode", "startScan:Vigil.StartScan", "waitForScan:Vigil.WaitForScan"],
            published.GetProperty("activities").EnumerateArray().Select(a => $"{a.GetProperty("id").GetString()}:{a.GetProperty("type").GetString()}").Order());
        Assert.Equal(
            ["evaluatePolicy-Fail->notify", "evaluatePolicy-Fail->removeNode", "evaluatePolicy-Pass->addLabel", "nodeRegistered-Done->startScan", "startScan-Done->waitForScan", "waitForScan-Completed->evaluatePolicy"],
            published.GetProperty("connections").EnumerateArray()
                .Select(c => $"{c.GetProperty("source").GetString()}-{c.GetProperty("sourceOutcome").GetString()}->{c.GetProperty("target").GetString()}").Order());
        var addLabel = published.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "addLabel");
        Assert.Equal("vigil/approved", addLabel.GetProperty("inputs").GetProperty("key").GetProperty("value").GetString());
        Assert.Equal("literal", addLabel.GetProperty("inputs").GetProperty("key").GetProperty("kind").GetString());
        var wait = published.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "waitForScan");
        Assert.Equal("js", wait.GetProperty("inputs").GetProperty("scanId").GetProperty("kind").GetString());
        Assert.True(wait.GetProperty("designer").GetProperty("x").GetDouble() > 0, "positions are kept in the designer bag");
    }

    /// <summary>Leaves a screenshot of the page as it was when a step failed.</summary>
    private static async Task OrScreenshotAsync(IPage page, string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            await Browser.ScreenshotAsync(page, name + "-failed");
            await page.ClickAsync(".mud-tab:has-text('Problems')", new() { Timeout = 2000 });
            await Browser.ScreenshotAsync(page, name + "-failed-problems");
            throw;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in 15 s.");
            }

            await Task.Delay(100);
        }
    }
}
