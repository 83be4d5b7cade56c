using Microsoft.JSInterop;

namespace Vigil.Dashboard.Designer;

/// <summary>What the canvas reports back to .NET; the JS module calls these by name.</summary>
public sealed class DesignerCanvasEvents(
    Func<IReadOnlyList<CanvasChange>, Task> changed,
    Func<IReadOnlyList<string>, Task> selectionChanged,
    Func<bool, bool, Task> historyChanged,
    Func<string, Task> shortcut)
{
    [JSInvokable]
    public Task OnCanvasChanged(CanvasChange[] changes) => changed(changes);

    [JSInvokable]
    public Task OnSelectionChanged(string[] activityIds) => selectionChanged(activityIds);

    [JSInvokable]
    public Task OnHistoryChanged(bool canUndo, bool canRedo) => historyChanged(canUndo, canRedo);

    /// <summary>A page-level shortcut pressed on the canvas (e.g. <c>save</c> for Ctrl+S).</summary>
    [JSInvokable]
    public Task OnShortcut(string name) => shortcut(name);
}
