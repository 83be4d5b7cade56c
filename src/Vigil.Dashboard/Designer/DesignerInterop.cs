using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Vigil.Dashboard.Designer;

/// <summary>
/// The typed face of the canvas module (wwwroot/js/designer/designer.js). Flows are loaded in chunks and edits travel
/// as diffs, so no single circuit message grows with the size of the flow: a 200-activity definition is a handful of
/// small calls, never one large payload that could exceed SignalR's limits or JS interop's timeout.
/// </summary>
public sealed class DesignerInterop(IJSRuntime js) : IAsyncDisposable
{
    public const string ModulePath = "./js/designer/designer.js";

    /// <summary>Activities per load call: about 10–20 KB of JSON at typical input sizes.</summary>
    public const int LoadChunkSize = 40;

    private readonly string _id = "designer-" + Guid.NewGuid().ToString("N")[..8];
    private IJSObjectReference? _module;

    public async Task CreateAsync(ElementReference host, DotNetObjectReference<DesignerCanvasEvents> events, CanvasOptions options)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
        await _module.InvokeVoidAsync("create", _id, host, events, options);
    }

    /// <summary>
    /// Draws a whole flow: activities in chunks, then the connections (each chunk is a separate message). The calls are
    /// sent back to back and awaited together: the circuit delivers them in order, so drawing costs one round trip, not
    /// one per chunk.
    /// </summary>
    public async Task LoadAsync(IReadOnlyList<CanvasActivity> activities, IReadOnlyList<CanvasConnection> connections)
    {
        var calls = new List<Task>();
        calls.AddRange(activities.Chunk(LoadChunkSize).Select(chunk => CallAsync("load", chunk, Array.Empty<CanvasConnection>())));
        calls.AddRange(connections.Chunk(LoadChunkSize * 4).Select(chunk => CallAsync("load", Array.Empty<CanvasActivity>(), chunk)));
        calls.Add(CallAsync("loaded"));
        await Task.WhenAll(calls);
    }

    /// <summary>Removes everything from the canvas (before drawing another version).</summary>
    public Task ResetAsync() => CallAsync("reset");

    public Task ApplyAsync(IReadOnlyList<CanvasChange> changes) => CallAsync("apply", changes);

    public Task SetOutcomesAsync(string activityId, IReadOnlyList<string> outcomes) => CallAsync("setOutcomes", activityId, outcomes);

    public Task SetProblemsAsync(IReadOnlyDictionary<string, string[]> problems) => CallAsync("setProblems", problems);

    public Task SetRunAsync(IReadOnlyDictionary<string, string> statuses, IReadOnlyList<CanvasConnection> taken) => CallAsync("setRun", statuses, taken);

    /// <summary>Sends the canvas's batched edits now, so a save reads the document as the canvas shows it.</summary>
    public Task FlushAsync() => CallAsync("flush");

    public Task AddActivityAsync(string type) => CallAsync("addActivity", type);

    public Task SelectAsync(string activityId) => CallAsync("select", activityId);

    public Task UndoAsync() => CallAsync("undo");

    public Task RedoAsync() => CallAsync("redo");

    public Task CopyAsync() => CallAsync("copy");

    public Task PasteAsync() => CallAsync("paste");

    public Task RemoveSelectedAsync() => CallAsync("removeSelected");

    public Task AutoLayoutAsync() => CallAsync("autoLayout");

    public Task FitAsync() => CallAsync("fit");

    public Task ZoomAsync(double delta) => CallAsync("zoom", delta);

    /// <summary>Lets the browser save <paramref name="text"/> as a file (export).</summary>
    public async Task DownloadAsync(string fileName, string text)
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
        await _module.InvokeVoidAsync("download", fileName, text);
    }

    private async Task CallAsync(string method, params object?[] args)
    {
        if (_module is null)
        {
            throw new InvalidOperationException("The canvas is not created yet.");
        }

        await _module.InvokeVoidAsync("call", [_id, method, .. args]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("dispose", _id);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the page with it: nothing to clean up in the browser.
        }
    }
}
