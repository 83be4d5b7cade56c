using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Vigil.Dashboard.Designer;

/// <summary>What a code field holds: a JavaScript expression or a JSON value (sent to the browser by name).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CodeLanguage>))]
public enum CodeLanguage
{
    JavaScript,
    Json,
}

/// <summary>Options of one code editor: the id the field's label points at, its accessible name, a hint and its language.</summary>
public sealed record CodeEditorOptions(string Id, string Label, string Placeholder, CodeLanguage Language = CodeLanguage.JavaScript);

/// <summary>
/// The typed face of the CodeMirror code editors (expressions and JSON values) (wwwroot/js/designer/code-editor.js, bundled with the canvas).
/// The browser reports edits debounced and on leaving the field, with the parser's first syntax error if any.
/// </summary>
public sealed class CodeEditorInterop(IJSRuntime js) : IAsyncDisposable
{
    public const string ModulePath = "./js/designer/code-editor.js";

    private readonly string _key = "code-" + Guid.NewGuid().ToString("N")[..8];
    private IJSObjectReference? _module;
    private bool _disposed;

    public async Task CreateAsync<T>(ElementReference host, DotNetObjectReference<T> events, string text, CodeEditorOptions options)
        where T : class
    {
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
        // The field may have left the page while the module loaded (a quick change of selection): its events
        // reference is disposed by then, and sending it would fault the circuit.
        if (_disposed)
        {
            await _module.DisposeAsync();
            return;
        }

        await _module.InvokeVoidAsync("createCodeEditor", _key, host, events, text, options);
    }

    public async Task SetTextAsync(string text)
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("setCodeEditorText", _key, text);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("disposeCodeEditor", _key);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the page with it: nothing to clean up in the browser.
        }
    }
}
