using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Vigil.Dashboard.Designer;

namespace Vigil.Dashboard.Tests.Designer;

/// <summary>
/// A code field that leaves the page while its module still loads (a quick change of selection) must not send its
/// already-disposed events reference to the browser: that faults the whole circuit.
/// </summary>
public sealed class CodeEditorInteropTests
{
    [Fact]
    public async Task An_editor_disposed_while_its_module_loads_is_never_created_and_releases_the_module()
    {
        var browser = new SlowBrowser();
        var interop = new CodeEditorInterop(browser);
        using var events = DotNetObjectReference.Create(new object());

        var creating = interop.CreateAsync(default(ElementReference), events, "{}", new CodeEditorOptions("f", "Field", "", CodeLanguage.Json));
        await interop.DisposeAsync();
        browser.ModuleLoaded();
        await creating;

        Assert.Empty(browser.Module.Calls);
        Assert.True(browser.Module.Disposed);
    }

    [Fact]
    public async Task A_live_editor_is_created_with_its_language()
    {
        var browser = new SlowBrowser();
        var interop = new CodeEditorInterop(browser);
        using var events = DotNetObjectReference.Create(new object());

        var creating = interop.CreateAsync(default(ElementReference), events, "{}", new CodeEditorOptions("f", "Field", "", CodeLanguage.Json));
        browser.ModuleLoaded();
        await creating;

        Assert.Equal(["createCodeEditor"], browser.Module.Calls);
        Assert.False(browser.Module.Disposed);
    }

    /// <summary>A browser whose module import answers only when told to.</summary>
    private sealed class SlowBrowser : IJSRuntime
    {
        private readonly TaskCompletionSource<IJSObjectReference> _import = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public RecordingModule Module { get; } = new();

        public void ModuleLoaded() => _import.SetResult(Module);

        public async ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            identifier == "import" ? (TValue)await _import.Task : throw new InvalidOperationException(identifier);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => InvokeAsync<TValue>(identifier, args);
    }

    private sealed class RecordingModule : IJSObjectReference
    {
        public List<string> Calls { get; } = [];

        public bool Disposed { get; private set; }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
        {
            Calls.Add(identifier);
            return ValueTask.FromResult(default(TValue)!);
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => InvokeAsync<TValue>(identifier, args);

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
