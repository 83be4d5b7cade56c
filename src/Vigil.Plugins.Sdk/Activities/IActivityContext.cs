using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Vigil.Plugins.Sdk.Activities;

/// <summary>Everything an activity may read and do while it executes.</summary>
public interface IActivityContext
{
    /// <summary>The workflow instance being executed.</summary>
    string InstanceId { get; }

    /// <summary>The definition the instance runs.</summary>
    string DefinitionId { get; }

    /// <summary>This activity's id in the definition.</summary>
    string ActivityId { get; }

    /// <summary>The input value (literal or evaluated expression) converted to <typeparamref name="T"/>; default when absent.</summary>
    T? GetInput<T>(string name);

    /// <summary>The input value as JSON; null when the input is absent.</summary>
    JsonElement? GetInputJson(string name);

    /// <summary>Sets an output, serialized to JSON; visible to later expressions as <c>activities.&lt;id&gt;.outputs.&lt;name&gt;</c>.</summary>
    void SetOutput(string name, object? value);

    /// <summary>A workflow variable; null when unset.</summary>
    JsonElement? GetVariable(string name);

    /// <summary>Sets a workflow variable, serialized to JSON.</summary>
    void SetVariable(string name, object? value);

    /// <summary>The payload of the event that started the instance (or the manual start input).</summary>
    JsonElement TriggerInput { get; }

    /// <summary>True when the activity runs again because its bookmark was resumed.</summary>
    bool IsResuming { get; }

    /// <summary>The payload of the event that resumed the bookmark, when <see cref="IsResuming"/>.</summary>
    JsonElement? ResumePayload { get; }

    /// <summary>Completes the activity with one or more outcomes (several for a fork); their connections run next.</summary>
    void Complete(params string[] outcomes);

    /// <summary>Suspends this path of the flow until the bookmark is resumed; the activity then runs again.</summary>
    void CreateBookmark(BookmarkRequest request);

    /// <summary>Logger scoped to the instance and activity.</summary>
    ILogger Logger { get; }

    /// <summary>Signalled when the instance is cancelled or the host stops.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>The engine's clock; use it instead of <see cref="DateTimeOffset.UtcNow"/> so timers are testable.</summary>
    TimeProvider Time { get; }
}
