using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vigil.Core.Json;
using Vigil.Dashboard.Feeds;
using Vigil.Dashboard.Tests.Workflows;
using Vigil.Testing;
using Vigil.Testing.Fixtures;

namespace Vigil.Dashboard.Tests.Designer;

/// <summary>The workflow designer in headless Chromium against a real dashboard, signed in as the bootstrap Admin.</summary>
public sealed class WorkflowDesignerBrowserTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHost Host => fixture.Host;

    [Fact]
    public async Task Admin_draws_the_scan_new_nodes_flow_by_drag_and_drop_publishes_enables_and_watches_it_run()
    {
        Assert.SkipUnless(NpmProjectFixture.Available, "npm is needed to build the vulnerable npm fixture the flow scans");
        await using var browser = await Browser.LaunchAsync();
        var designer = await DesignerPage.SignInAsync(browser, Host.BaseAddress);
        var id = "";
        await OrScreenshotAsync(designer.Page, "designer-draw", async () =>
        {
            await designer.Page.GotoAsync("/workflows");
            await Browser.WaitForInteractiveAsync(designer.Page);
            await designer.Page.ClickAsync("#new-workflow");
            await Assertions.Expect(designer.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/designer")); // an in-page navigation: no load event
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
            await Assertions.Expect(designer.Page.Locator("[data-input='title'] .cm-content .tok-string, [data-input='title'] .cm-content span").First).ToBeVisibleAsync();
            await Browser.ScreenshotAsync(designer.Page, "designer-expression");
            await designer.Page.ClickAsync("[aria-label='Toggle theme']");
            await Browser.ScreenshotAsync(designer.Page, "designer-expression-dark");
            await designer.Page.ClickAsync("[aria-label='Toggle theme']");
            await designer.SetTextAsync("notify", "text", "The node failed the default policy and was quarantined.");
            await designer.SelectAsync("addLabel");
            await designer.SetTextAsync("addLabel", "key", "vigil/approved");

            await Assertions.Expect(designer.Page.Locator("#designer-validity")).ToHaveTextAsync("Valid");
            await Assertions.Expect(designer.Page.Locator(".vigil-canvas .vigil-node-problem:not(.vigil-hidden)")).ToHaveCountAsync(0);
            await Browser.ScreenshotAsync(designer.Page, "designer-scan-new-nodes");
            await designer.Page.ClickAsync("[aria-label='Toggle theme']");
            await Browser.ScreenshotAsync(designer.Page, "designer-scan-new-nodes-dark");
            await designer.Page.ClickAsync("[aria-label='Toggle theme']");

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

        // The drawn flow runs: a real agent over the npm tree registers and the flow scans it. lodash 4.17.15 has medium
        // findings only, which the default policy (no critical or high) lets pass, so the node is labelled, not removed;
        // the instance viewer shows the path the run took.
        await Host.Services.GetRequiredService<ConsoleFeed>().Store.ImportAsync([Path.Combine(RepoPaths.SharedFeeds, "npm", "all.zip")]);
        var token = (await api.PostJsonAsync("/api/v1/enrollment-tokens", new { })).GetProperty("token").GetString()!;
        using var state = new TempDirectory("vigil-agent-state");
        var (exitCode, output) = await AgentProcess.RunAsync("enroll", "--console", Host.BaseAddress.ToString(), "--token", token, "--name", "drawn-web-01", "--state-dir", state.Path);
        Assert.True(exitCode == 0, output);
        await using var agent = AgentProcess.Start("run", "--state-dir", state.Path, "--root", Path.Combine(NpmProjectFixture.Path, "npm"));
        var started = await api.WaitForJsonAsync($"/api/v1/workflow-instances?definitionId={id}", i => i.GetProperty("total").GetInt32() == 1, TimeSpan.FromSeconds(60));
        var instanceId = started.GetProperty("items")[0].GetProperty("id").GetString()!;

        await OrScreenshotAsync(designer.Page, "designer-drawn-run", async () =>
        {
            var page = designer.Page;
            await page.GotoAsync($"/workflows/instances/{instanceId}");
            await Browser.WaitForInteractiveAsync(page);
            var card = (string activity) => page.Locator($".vigil-canvas g[data-cell-id='{activity}'] .vigil-node-body");
            await Assertions.Expect(page.Locator("#instance-status")).ToHaveTextAsync("finished", new() { Timeout = 90_000 });
            // The flow is wider than the viewer: bring each card into view as a user panning to it would.
            var showAsync = (string activity) => page.EvaluateAsync(
                "id => { const d = [...window.vigilDesigners.values()][0]; d.graph.centerCell(d.graph.getCellById(id)); }", activity);
            foreach (var done in new[] { "nodeRegistered", "startScan", "waitForScan", "evaluatePolicy", "addLabel" })
            {
                await showAsync(done);
                await Assertions.Expect(card(done)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("vigil-status-completed"));
            }

            foreach (var skipped in new[] { "removeNode", "notify" })
            {
                await showAsync(skipped);
                await Assertions.Expect(card(skipped)).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("vigil-status-"));
            }

            await showAsync("evaluatePolicy");
            await Assertions.Expect(page.Locator(".vigil-canvas .vigil-edge-taken")).Not.ToHaveCountAsync(0);
            Assert.Equal(4, await page.EvaluateAsync<int>(
                "() => [...window.vigilDesigners.values()][0].graph.getEdges().filter(e => String(e.attr('line/class')).includes('vigil-edge-taken')).length"));
            await Browser.ScreenshotAsync(page, "designer-drawn-flow-run");
        });
        var nodeId = JsonDocument.Parse(File.ReadAllText(Path.Combine(state.Path, "agent.json"))).RootElement.GetProperty("nodeId").GetString()!;
        var node = await api.WaitForJsonAsync($"/api/v1/nodes/{nodeId}", n => n.GetProperty("labels").TryGetProperty("vigil/approved", out _), TimeSpan.FromSeconds(30));
        Assert.True(node.GetProperty("labels").TryGetProperty("vigil/approved", out _), node.ToString());
        Assert.Equal("online", node.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Keyboard_alone_adds_activities_from_the_palette_and_sets_their_inputs()
    {
        await using var browser = await Browser.LaunchAsync();
        var designer = await DesignerPage.SignInAsync(browser, Host.BaseAddress);
        await designer.OpenAsync("/workflows/keyboard-flow/designer?name=Keyboard%20flow");
        var page = designer.Page;
        await OrScreenshotAsync(page, "designer-keyboard", async () =>
        {
            // Search the palette and add with Enter; the second activity is connected after the selected first one.
            await TabToAsync(page, "#palette-search");
            await page.Keyboard.TypeAsync("manual");
            // The palette re-renders over the circuit as the search changes: tab only once the filter has applied.
            await Assertions.Expect(page.Locator("[data-activity-type='Vigil.Log']")).ToHaveCountAsync(0);
            await TabToAsync(page, "[data-activity-type='Vigil.Manual']");
            await page.Keyboard.PressAsync("Enter");
            await designer.WaitForActivitiesAsync(1);
            await TabToAsync(page, "#palette-search");
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync("log");
            await Assertions.Expect(page.Locator("[data-activity-type='Vigil.Manual']")).ToHaveCountAsync(0);
            await TabToAsync(page, "[data-activity-type='Vigil.Log']");
            await page.Keyboard.PressAsync("Enter");
            await designer.WaitForActivitiesAsync(2);
            await Assertions.Expect(page.Locator("#activity-properties")).ToContainTextAsync("log");

            // The panel: Tab to the message field, type, Tab away.
            await TabToAsync(page, "#input-log-message");
            await page.Keyboard.TypeAsync("hello from the keyboard");
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.Locator("#designer-validity")).ToHaveTextAsync("Valid");

            // Make it an expression: Shift+Tab back to the ƒx toggle, Enter, Tab into the code editor, type.
            await TabToAsync(page, "[data-input='message'] .vigil-mode-toggle", backwards: true);
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("[data-input='message'] .vigil-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
            await TabToAsync(page, "#input-log-message.cm-content");
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync("'hello from ' + input.who +");
            await Assertions.Expect(page.Locator("[data-input='message'] .vigil-input-error")).ToContainTextAsync("Syntax error", new() { Timeout = 10_000 });
            await Assertions.Expect(page.Locator("[data-input='message'] .cm-lintRange-error")).ToHaveCountAsync(1);
            await page.Keyboard.TypeAsync(" 'the keyboard'");
            await page.Keyboard.PressAsync("Escape"); // Escape leaves the editor for its ƒx toggle
            await Assertions.Expect(page.Locator("[data-input='message'] .vigil-mode-toggle")).ToBeFocusedAsync();
            await Assertions.Expect(page.Locator("[data-input='message'] .vigil-input-error")).ToHaveCountAsync(0);
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.Locator("#input-log-message.cm-content")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Tab"); // and Tab leaves it too: no tab character is typed
            await Assertions.Expect(page.Locator("#input-log-message.cm-content")).Not.ToBeFocusedAsync();
            await Assertions.Expect(page.Locator("#designer-validity")).ToHaveTextAsync("Valid");
            await TabToAsync(page, "#designer-save");
            await page.Keyboard.PressAsync("Enter");
        });

        using var api = Host.Api();
        await WaitUntilAsync(async () => (await api.Http.GetAsync("/api/v1/workflows/keyboard-flow")).IsSuccessStatusCode);
        var saved = (await api.GetJsonAsync("/api/v1/workflows/keyboard-flow")).GetProperty("definition");
        Assert.Equal("manual:Done->log", string.Join(",", saved.GetProperty("connections").EnumerateArray()
            .Select(c => $"{c.GetProperty("source").GetString()}:{c.GetProperty("sourceOutcome").GetString()}->{c.GetProperty("target").GetString()}")));
        var log = saved.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "log");
        Assert.Equal("js", log.GetProperty("inputs").GetProperty("message").GetProperty("kind").GetString());
        Assert.Equal("'hello from ' + input.who + 'the keyboard'", log.GetProperty("inputs").GetProperty("message").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Leaving_with_unsaved_edits_asks_first_and_staying_keeps_them()
    {
        await using var browser = await Browser.LaunchAsync();
        var designer = await DesignerPage.SignInAsync(browser, Host.BaseAddress);
        await designer.OpenAsync("/workflows/unsaved-flow/designer?name=Unsaved%20flow");
        var page = designer.Page;
        var asked = new List<string>();
        var leave = false;
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await (leave ? dialog.AcceptAsync() : dialog.DismissAsync());
        };
        await OrScreenshotAsync(page, "designer-unsaved", async () =>
        {
            await page.FillAsync("#palette-search", "manual");
            await page.PressAsync("[data-activity-type='Vigil.Manual']", "Enter");
            await designer.WaitForActivitiesAsync(1);
            await Assertions.Expect(page.Locator(".vigil-designer-title")).ToContainTextAsync("unsaved changes");

            await page.ClickAsync(".vigil-designer-bar a[href='workflows']");
            await WaitUntilAsync(() => Task.FromResult(asked.Count == 1));
            Assert.Contains("unsaved changes", asked[0], StringComparison.Ordinal);
            Assert.EndsWith("/workflows/unsaved-flow/designer?name=Unsaved%20flow", page.Url, StringComparison.Ordinal);
            Assert.Equal(1, await designer.NodeCountAsync()); // staying keeps the edit

            leave = true;
            await page.ClickAsync(".vigil-designer-bar a[href='workflows']");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/workflows$")); // an in-page navigation: no load event
            Assert.Equal(2, asked.Count);
        });
    }

    [Fact]
    public async Task Instance_viewer_follows_a_run_live_from_waiting_to_finished()
    {
        using var api = Host.Api();
        using (await api.Http.PutAsJsonAsync("/api/v1/workflows/viewer-gate", WorkflowJsonSamples.ManualApproval("viewer-gate"), VigilJson.Options))
        {
        }

        await api.PostJsonAsync("/api/v1/workflows/viewer-gate/publish", new { });
        await api.PostJsonAsync("/api/v1/workflows/viewer-gate/enable", new { });
        var instanceId = (await api.PostJsonAsync("/api/v1/workflows/viewer-gate/start", new { })).GetProperty("instanceId").GetString()!;

        await using var browser = await Browser.LaunchAsync();
        var viewer = await DesignerPage.SignInAsync(browser, Host.BaseAddress);
        await viewer.OpenAsync($"/workflows/instances/{instanceId}", activities: 4);
        var page = viewer.Page;
        await OrScreenshotAsync(page, "instance-viewer", async () =>
        {
            await Assertions.Expect(page.Locator("#instance-status")).ToHaveTextAsync("suspended");
            await Assertions.Expect(page.Locator(".vigil-canvas g[data-cell-id='ask'] .vigil-node-body.vigil-status-suspended")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".vigil-canvas g[data-cell-id='start'] .vigil-node-body.vigil-status-completed")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#instance-cancel")).ToBeVisibleAsync();
            await Browser.ScreenshotAsync(page, "instance-viewer-waiting");

            // Approved elsewhere (the API): the open page updates by itself.
            var approval = (await api.GetJsonAsync("/api/v1/approvals")).GetProperty("items").EnumerateArray()
                .Single(a => a.GetProperty("instanceId").GetString() == instanceId).GetProperty("id").GetString();
            await api.PostJsonAsync($"/api/v1/approvals/{approval}/approve", new { comment = "go" });

            await Assertions.Expect(page.Locator("#instance-status")).ToHaveTextAsync("finished", new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator(".vigil-canvas g[data-cell-id='yes'] .vigil-node-body.vigil-status-completed")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".vigil-canvas g[data-cell-id='no'] .vigil-node-body[class*='vigil-status-']")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator(".vigil-canvas .vigil-edge-taken")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#journal")).ToContainTextAsync("approved");
            await Assertions.Expect(page.Locator("#instance-cancel")).ToHaveCountAsync(0);
            await Browser.ScreenshotAsync(page, "instance-viewer-finished");
        });
    }

    /// <summary>
    /// 200 activities open (loaded in chunks over the circuit) and pan: frame times come from requestAnimationFrame
    /// deltas while a script pans the canvas; they are reported, not asserted (bench/designer.sh prints them).
    /// </summary>
    [Fact]
    public async Task A_definition_with_200_activities_opens_and_pans()
    {
        using var api = Host.Api();
        using (var put = await api.Http.PutAsJsonAsync("/api/v1/workflows/big-flow", BigFlow(200), VigilJson.Options))
        {
            put.EnsureSuccessStatusCode();
        }

        await using var browser = await Browser.LaunchAsync();
        var designer = await DesignerPage.SignInAsync(browser, Host.BaseAddress);
        var opened = DateTime.UtcNow;
        await designer.OpenAsync("/workflows/big-flow/designer", activities: 200);
        var page = designer.Page;
        await page.WaitForFunctionAsync("() => [...window.vigilDesigners.values()][0].graph.getEdges().length === 199");
        await Assertions.Expect(page.Locator(".vigil-canvas-loading")).ToHaveCountAsync(0);
        var openSeconds = (DateTime.UtcNow - opened).TotalSeconds;
        // Where the opening went: page and circuit up to the canvas's creation, then drawing the flow (both in ms).
        var split = await page.EvaluateAsync<double[]>(
            "() => [performance.getEntriesByName('vigil-designer-created').at(-1).startTime, performance.measure('vigil-load', 'vigil-designer-created', 'vigil-designer-loaded').duration]");
        await Assertions.Expect(page.Locator("#designer-validity")).ToHaveTextAsync("Valid");
        await Browser.ScreenshotAsync(page, "designer-200-activities");

        var frames = await page.EvaluateAsync<double[]>(
            """
            async () => {
              const graph = [...window.vigilDesigners.values()][0].graph;
              const deltas = [];
              let last = performance.now();
              for (let i = 0; i < 180; i++) {
                await new Promise(r => requestAnimationFrame(r));
                const now = performance.now();
                deltas.push(now - last);
                last = now;
                const t = graph.translate();
                graph.translate(t.tx - 12, t.ty + (i % 60 < 30 ? 4 : -4));
              }
              return deltas.slice(1);
            }
            """);
        Assert.Equal(179, frames.Length);
        var moved = await page.EvaluateAsync<double>("() => [...window.vigilDesigners.values()][0].graph.translate().tx");
        Assert.True(moved < 0, "the canvas panned");

        var sorted = frames.Order().ToArray();
        var report = string.Create(CultureInfo.InvariantCulture,
            $"designer 200 activities: opened in {openSeconds:0.00} s (canvas created after {split[0] / 1000:0.00} s, flow drawn in {split[1] / 1000:0.00} s); pan frame time p50 {sorted[sorted.Length / 2]:0.0} ms, p95 {sorted[(int)(sorted.Length * 0.95)]:0.0} ms, max {sorted[^1]:0.0} ms over {frames.Length} frames");
        TestContext.Current.SendDiagnosticMessage(report);
        Directory.CreateDirectory(Browser.ScreenshotDirectory);
        await File.WriteAllTextAsync(Path.Combine(Browser.ScreenshotDirectory, "designer-200-frames.txt"), report + Environment.NewLine);
    }

    /// <summary>
    /// A shift-click multi-selection copied and pasted: the copies (with the connection between them, under new ids) are
    /// the new selection, so Delete removes them; undo, redo and Ctrl+S work on the result.
    /// </summary>
    [Fact]
    public async Task A_multi_selection_copies_pastes_deletes_undoes_and_redoes_from_the_keyboard()
    {
        using var api = Host.Api();
        using (var put = await api.Http.PutAsJsonAsync("/api/v1/workflows/clipboard-flow", BigFlow(3, "clipboard-flow"), VigilJson.Options))
        {
            put.EnsureSuccessStatusCode();
        }

        await using var browser = await Browser.LaunchAsync();
        var designer = await DesignerPage.SignInAsync(browser, Host.BaseAddress);
        await designer.OpenAsync("/workflows/clipboard-flow/designer", activities: 3);
        var page = designer.Page;
        string[] copies = [];
        await OrScreenshotAsync(page, "designer-clipboard", async () =>
        {
            await designer.SelectAsync("a1");
            await page.Locator(".vigil-canvas g[data-cell-id='a2'] .vigil-node-title").ClickAsync(new() { Modifiers = [KeyboardModifier.Shift] });
            Assert.Equal(["a1", "a2"], await SelectedAsync(page));

            await page.Keyboard.PressAsync("Control+C");
            await page.Keyboard.PressAsync("Control+V");
            await designer.WaitForActivitiesAsync(5);
            copies = await SelectedAsync(page);
            Assert.Equal(2, copies.Length);
            Assert.Empty(copies.Intersect(["a0", "a1", "a2"]));
            Assert.Equal(3, await page.EvaluateAsync<int>("() => [...window.vigilDesigners.values()][0].graph.getEdges().length"));

            await page.Keyboard.PressAsync("Delete");
            await designer.WaitForActivitiesAsync(3);
            await page.Keyboard.PressAsync("Control+Z");
            await designer.WaitForActivitiesAsync(5);
            await page.Keyboard.PressAsync("Control+Y");
            await designer.WaitForActivitiesAsync(3);
            await page.Keyboard.PressAsync("Control+Z");
            await designer.WaitForActivitiesAsync(5);
            await page.Keyboard.PressAsync("Control+S");
            await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Draft saved.");
        });

        var saved = await api.WaitForJsonAsync("/api/v1/workflows/clipboard-flow",
            w => w.GetProperty("definition").GetProperty("activities").GetArrayLength() == 5);
        var connections = saved.GetProperty("definition").GetProperty("connections").EnumerateArray()
            .Select(c => $"{c.GetProperty("source").GetString()}->{c.GetProperty("target").GetString()}").Order().ToArray();
        // The copies sit 40 px right of their originals, so the leftmost is the copy of a1.
        var copied = saved.GetProperty("definition").GetProperty("activities").EnumerateArray()
            .Where(a => copies.Contains(a.GetProperty("id").GetString()))
            .OrderBy(a => a.GetProperty("designer").GetProperty("x").GetDouble())
            .Select(a => a.GetProperty("id").GetString()).ToArray();
        Assert.True(copied.Length == 2, $"the copies {string.Join(", ", copies)} were saved: {saved}");
        Assert.Equal(new[] { "a0->a1", "a1->a2", $"{copied[0]}->{copied[1]}" }.Order(), connections);
    }

    /// <summary>The Test tab's input is a JSON editor: a syntax error is underlined and named, a fixed input runs the flow.</summary>
    [Fact]
    public async Task A_test_run_takes_its_trigger_input_from_the_json_editor()
    {
        using var api = Host.Api();
        using (var put = await api.Http.PutAsJsonAsync("/api/v1/workflows/test-tab-flow", BigFlow(2, "test-tab-flow"), VigilJson.Options))
        {
            put.EnsureSuccessStatusCode();
        }

        await using var browser = await Browser.LaunchAsync();
        var designer = await DesignerPage.SignInAsync(browser, Host.BaseAddress);
        await designer.OpenAsync("/workflows/test-tab-flow/designer", activities: 2);
        var page = designer.Page;
        await OrScreenshotAsync(page, "designer-test-tab", async () =>
        {
            await page.ClickAsync(".mud-tab:has-text('Test')");
            var input = page.Locator("#test-input.cm-content");
            await input.ClickAsync();
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync("{ \"who\": ");
            await Assertions.Expect(page.Locator("#test-run .cm-lintRange-error")).ToHaveCountAsync(1);
            await page.Keyboard.TypeAsync("\"the test tab\" }");
            await page.ClickAsync("#test-run-button");
            await Assertions.Expect(page.Locator("#test-run .mud-chip")).ToHaveTextAsync("finished");
            await Assertions.Expect(page.Locator("#test-run .cm-lintRange-error")).ToHaveCountAsync(0);
            // The run had the typed input, not the sample: the button's click came after the editor handed its text over.
            await Assertions.Expect(page.Locator("#test-run .vigil-journal")).ToContainTextAsync("the test tab");
            await Assertions.Expect(page.Locator("#test-run .vigil-journal")).ToContainTextAsync("step 1 of 2");
            await Browser.ScreenshotAsync(page, "designer-test-tab");
        });
    }

    private static async Task<string[]> SelectedAsync(IPage page) =>
        (await page.EvaluateAsync<string[]>("() => [...window.vigilDesigners.values()][0].graph.getSelectedCells().filter(c => c.isNode()).map(c => c.id)")).Order().ToArray();

    /// <summary>
    /// The minimap's viewport box frames what the canvas shows: after a pan and a zoom, every card fully visible on the
    /// canvas is drawn inside the box, cards out of sight outside it, and a card's place in the box matches its place
    /// on the canvas (within a few percent).
    /// </summary>
    [Fact]
    public async Task The_minimap_viewport_box_frames_the_visible_activities_after_pan_and_zoom()
    {
        using var api = Host.Api();
        using (var put = await api.Http.PutAsJsonAsync("/api/v1/workflows/minimap-flow", BigFlow(60, "minimap-flow"), VigilJson.Options))
        {
            put.EnsureSuccessStatusCode();
        }

        await using var browser = await Browser.LaunchAsync();
        var designer = await DesignerPage.SignInAsync(browser, Host.BaseAddress);
        await designer.OpenAsync("/workflows/minimap-flow/designer", activities: 60);
        var page = designer.Page;
        await OrScreenshotAsync(page, "designer-minimap", async () =>
        {
            foreach (var (dx, dy, zoom) in new[] { (0.0, 0.0, 0.0), (-700.0, -260.0, 0.0), (0.0, 0.0, -0.2), (-400.0, 120.0, 0.35) })
            {
                await page.EvaluateAsync(
                    "([dx, dy, zoom]) => { const g = [...window.vigilDesigners.values()][0].graph; if (zoom) g.zoom(zoom); const t = g.translate(); g.translate(t.tx + dx, t.ty + dy); }",
                    new[] { dx, dy, zoom });
                await ExpectMinimapFramesCanvasAsync(page, $"after pan ({dx}, {dy}) and zoom {zoom}");
            }

            // A card dropped far away widens the flow: the map refits and the box follows.
            await page.EvaluateAsync("() => window.vigilDesigners.values().next().value.apply([{ kind: 'added', id: 'far', type: 'Vigil.Log', x: 5200, y: 2400, outcomes: ['Done'] }])");
            await ExpectMinimapFramesCanvasAsync(page, "after a card was added far away");
            await page.EvaluateAsync("() => { const g = window.vigilDesigners.values().next().value.graph; g.getCellById('a0').setPosition(-2600, -900); }");
            await ExpectMinimapFramesCanvasAsync(page, "after a card was moved far away");

            // Clicking a card in the map brings it to the middle of the canvas.
            var mini = await page.Locator(".vigil-minimap g.x6-node[data-cell-id='a35']").BoundingBoxAsync();
            await page.Mouse.ClickAsync(mini!.X + (mini.Width / 2), mini.Y + (mini.Height / 2));
            var canvas = await designer.Canvas.BoundingBoxAsync();
            var card = await page.Locator(".vigil-canvas g.x6-node[data-cell-id='a35'] .vigil-node-body").BoundingBoxAsync();
            // One pixel of the map is tens of canvas pixels: the canvas's centre must fall on the card.
            Assert.InRange(canvas!.X + (canvas.Width / 2), card!.X, card.X + card.Width);
            Assert.InRange(canvas.Y + (canvas.Height / 2), card.Y, card.Y + card.Height);
            await ExpectMinimapFramesCanvasAsync(page, "after a click in the map");

            await Browser.ScreenshotAsync(page, "designer-minimap");
        });
    }

    private static async Task ExpectMinimapFramesCanvasAsync(IPage page, string when)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        string check;
        while ((check = await page.EvaluateAsync<string>(MinimapCheck)) != "ok" && DateTime.UtcNow < deadline)
        {
            await page.WaitForFunctionAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))");
        }

        Assert.True(check == "ok", $"{when}: {check}");
    }

    /// <summary>Compares, in the page, each card's box on the canvas with its box in the minimap against the viewport box.</summary>
    private const string MinimapCheck =
        """
        () => {
          // A refit is due 120 ms after a move: until it has run, the map is about to change under the test.
          if (document.querySelector('.vigil-minimap[data-refit-pending]')) return 'the map has a refit pending';
          const canvas = document.querySelector('#designer-canvas .vigil-canvas').getBoundingClientRect();
          const box = document.querySelector('.vigil-minimap .x6-widget-minimap-viewport').getBoundingClientRect();
          // The box has a 2px border drawn outside the framed area.
          const frame = { left: box.left + 2, top: box.top + 2, right: box.right - 2, bottom: box.bottom - 2, width: box.width - 4, height: box.height - 4 };
          const problems = [];
          let inside = 0;
          for (const cell of document.querySelectorAll('#designer-canvas .vigil-canvas g.x6-node[data-cell-id]')) {
            const id = cell.getAttribute('data-cell-id');
            const mini = document.querySelector(`.vigil-minimap g.x6-node[data-cell-id="${id}"]`)?.getBoundingClientRect();
            if (!mini) continue;
            const main = cell.getBoundingClientRect();
            const visible = main.left >= canvas.left && main.right <= canvas.right && main.top >= canvas.top && main.bottom <= canvas.bottom;
            const hidden = main.right < canvas.left || main.left > canvas.right || main.bottom < canvas.top || main.top > canvas.bottom;
            const tol = 3;
            const inBox = mini.left >= frame.left - tol && mini.right <= frame.right + tol && mini.top >= frame.top - tol && mini.bottom <= frame.bottom + tol;
            const outOfBox = mini.right < frame.left + tol || mini.left > frame.right - tol || mini.bottom < frame.top + tol || mini.top > frame.bottom - tol;
            if (visible) {
              inside++;
              if (!inBox) problems.push(`${id} is on the canvas but not in the viewport box`);
              const fx = (main.left - canvas.left) / canvas.width, mx = (mini.left - frame.left) / frame.width;
              const fy = (main.top - canvas.top) / canvas.height, my = (mini.top - frame.top) / frame.height;
              if (Math.abs(fx - mx) > 0.04 || Math.abs(fy - my) > 0.04) problems.push(`${id} at (${fx.toFixed(2)}, ${fy.toFixed(2)}) of the canvas but (${mx.toFixed(2)}, ${my.toFixed(2)}) of the box`);
            } else if (hidden && !outOfBox) {
              problems.push(`${id} is out of sight but inside the viewport box`);
            }
          }
          if (inside === 0) problems.push('no card is fully visible');
          return problems.length ? `${problems.slice(0, 4).join('; ')} (box ${JSON.stringify(frame)})` : 'ok';
        }
        """;

    /// <summary>A chain of 200 activities: a Manual trigger, then Log activities ten to a row.</summary>
    private static object BigFlow(int count, string id = "big-flow") => new
    {
        id,
        name = "Two hundred steps",
        activities = Enumerable.Range(0, count).Select(i => i == 0
            ? (object)new { id = "a0", type = "Vigil.Manual", inputs = new { }, designer = new { x = 40, y = 40 } }
            : new
            {
                id = $"a{i}",
                type = "Vigil.Log",
                inputs = new { message = new { kind = "js", value = $"'step {i} of ' + variables.total" } },
                designer = new { x = 40 + ((i % 10) * 300), y = 40 + ((i / 10) * 140) },
            }).ToArray(),
        connections = Enumerable.Range(1, count - 1).Select(i => new { source = $"a{i - 1}", sourceOutcome = "Done", target = $"a{i}" }).ToArray(),
        variables = new[] { new { name = "total", type = "number", @default = count } },
    };

    /// <summary>Presses Tab until <paramref name="selector"/> has the focus: how a keyboard user gets there.</summary>
    private static async Task TabToAsync(IPage page, string selector, bool backwards = false)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }

        throw new InvalidOperationException($"80 presses of Tab never reached {selector}.");
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
            if (await page.Locator(".mud-tab:has-text('Problems')").CountAsync() > 0)
            {
                await page.ClickAsync(".mud-tab:has-text('Problems')");
                await Browser.ScreenshotAsync(page, name + "-failed-problems");
            }

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
