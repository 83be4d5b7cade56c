using Microsoft.Playwright;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Designer;

/// <summary>Drives the workflow designer in Chromium the way a person does: drags, port-to-port connections, the panel.</summary>
internal sealed class DesignerPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Canvas => Page.Locator("#designer-canvas .vigil-canvas");

    public static async Task<DesignerPage> SignInAsync(Browser browser, Uri baseAddress)
    {
        var page = await browser.NewSignedInPageAsync(baseAddress);
        return new DesignerPage(page);
    }

    /// <summary>Opens a designer (or viewer) page and waits until its canvas has drawn <paramref name="activities"/> activities.</summary>
    public async Task OpenAsync(string path, int activities = 0)
    {
        await Page.GotoAsync(path);
        await Browser.WaitForInteractiveAsync(Page);
        await WaitForActivitiesAsync(activities);
    }

    public async Task WaitForActivitiesAsync(int count) =>
        await Page.WaitForFunctionAsync(
            "n => { const d = [...(window.vigilDesigners?.values() ?? [])][0]; return d && d.graph.getNodes().length === n; }", count);

    /// <summary>Drags an activity from the palette and drops it at (x, y) in the canvas.</summary>
    public async Task DropAsync(string type, float x, float y)
    {
        var before = await NodeCountAsync();
        await Page.Locator($"[data-activity-type='{type}']").DragToAsync(Canvas, new() { TargetPosition = new() { X = x, Y = y } });
        await WaitForActivitiesAsync(before + 1);
    }

    /// <summary>Drags from an outcome port of one activity to the input port of another.</summary>
    public async Task ConnectAsync(string source, string outcome, string target)
    {
        var from = await CenterAsync($".vigil-canvas g[data-cell-id='{source}'] [port='{outcome}']");
        var to = await CenterAsync($".vigil-canvas g[data-cell-id='{target}'] [port='in']");
        await Page.Mouse.MoveAsync(from.X, from.Y);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync((from.X + to.X) / 2, (from.Y + to.Y) / 2, new() { Steps = 5 });
        await Page.Mouse.MoveAsync(to.X, to.Y, new() { Steps = 5 });
        await Page.Mouse.UpAsync();
        await Page.WaitForFunctionAsync(
            "key => [...window.vigilDesigners.values()][0].graph.getEdges().some(e => `${e.getSourceCellId()}:${e.getSourcePortId()}->${e.getTargetCellId()}` === key)",
            $"{source}:{outcome}->{target}");
    }

    /// <summary>Clicks an activity's card so the properties panel shows it.</summary>
    public async Task SelectAsync(string activityId)
    {
        // The canvas does not scroll: bring the card into view (as panning would), then click it.
        await Page.EvaluateAsync("id => { const g = [...window.vigilDesigners.values()][0].graph; g.centerCell(g.getCellById(id)); }", activityId);
        var title = Page.Locator($".vigil-canvas g[data-cell-id='{activityId}'] .vigil-node-title");
        await title.ClickAsync();
        await Assertions.Expect(Page.Locator("#activity-properties")).ToContainTextAsync(activityId);
    }

    /// <summary>Sets an input to a JavaScript expression through the ƒx toggle.</summary>
    public async Task SetExpressionAsync(string activityId, string input, string expression)
    {
        var editor = Page.Locator($"#activity-properties [data-input='{input}']");
        await editor.Locator(".vigil-mode-toggle").ClickAsync();
        await Assertions.Expect(editor.Locator(".vigil-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        // The expression field is CodeMirror: focus it and type as a person does, then Tab leaves it.
        var field = Page.Locator($"#input-{activityId}-{input}.cm-content");
        await field.ClickAsync();
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.PressAsync("Delete");
        await Page.Keyboard.TypeAsync(expression);
        await Assertions.Expect(field).ToHaveTextAsync(expression);
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(field).Not.ToBeFocusedAsync();
        await Assertions.Expect(editor.Locator(".vigil-input-error")).ToHaveCountAsync(0);
    }

    /// <summary>Types a literal into a text or autocomplete input and leaves the field.</summary>
    public async Task SetTextAsync(string activityId, string input, string text)
    {
        var field = Page.Locator($"#input-{activityId}-{input}");
        await field.FillAsync(text);
        await field.PressAsync("Tab");
    }

    public async Task<int> NodeCountAsync() =>
        await Page.EvaluateAsync<int>("() => { const d = [...(window.vigilDesigners?.values() ?? [])][0]; return d ? d.graph.getNodes().length : 0; }");

    private async Task<(float X, float Y)> CenterAsync(string selector)
    {
        var box = await Page.Locator(selector).First.BoundingBoxAsync() ?? throw new InvalidOperationException($"{selector} is not visible.");
        return (box.X + (box.Width / 2), box.Y + (box.Height / 2));
    }
}
