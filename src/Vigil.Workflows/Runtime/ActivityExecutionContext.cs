using System.Text.Json;
using Microsoft.Extensions.Logging;
using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Model;

namespace Vigil.Workflows.Runtime;

/// <summary>The engine's <see cref="IActivityContext"/> for one activity execution.</summary>
internal sealed class ActivityExecutionContext : IActivityContext
{
    private readonly WorkflowInstance _instance;
    private readonly IReadOnlyDictionary<string, JsonElement> _inputs;

    public ActivityExecutionContext(
        WorkflowInstance instance,
        string activityId,
        IReadOnlyDictionary<string, JsonElement> inputs,
        ResumeSignal? resume,
        ILogger logger,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        _instance = instance;
        _inputs = inputs;
        ActivityId = activityId;
        IsResuming = resume is not null;
        ResumePayload = resume?.Payload;
        Logger = logger;
        Time = time;
        CancellationToken = cancellationToken;
    }

    public string InstanceId => _instance.Id;

    public string DefinitionId => _instance.DefinitionId;

    public string ActivityId { get; }

    public JsonElement TriggerInput => _instance.State.Input;

    public bool IsResuming { get; }

    public JsonElement? ResumePayload { get; }

    public ILogger Logger { get; }

    public CancellationToken CancellationToken { get; }

    public TimeProvider Time { get; }

    public Dictionary<string, JsonElement> Outputs { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string>? CompletedOutcomes { get; private set; }

    public BookmarkRequest? Bookmark { get; private set; }

    public T? GetInput<T>(string name) =>
        _inputs.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value.Deserialize<T>(WorkflowJson.Options)
            : default;

    public JsonElement? GetInputJson(string name) => _inputs.TryGetValue(name, out var value) ? value : null;

    public void SetOutput(string name, object? value) =>
        Outputs[name] = value is JsonElement element ? element : JsonSerializer.SerializeToElement(value, WorkflowJson.Options);

    public JsonElement? GetVariable(string name) =>
        _instance.State.Variables.TryGetValue(name, out var value) ? value : null;

    public void SetVariable(string name, object? value) =>
        _instance.State.Variables[name] = value is JsonElement element ? element : JsonSerializer.SerializeToElement(value, WorkflowJson.Options);

    public void Complete(params string[] outcomes)
    {
        if (Bookmark is not null)
        {
            throw new InvalidOperationException("An activity cannot both complete and create a bookmark in one execution.");
        }

        CompletedOutcomes = outcomes.Length == 0 ? [ActivityOutcomeNames.Done] : outcomes;
    }

    public void CreateBookmark(BookmarkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CompletedOutcomes is not null || Bookmark is not null)
        {
            throw new InvalidOperationException("An activity creates at most one bookmark and then cannot complete in the same execution.");
        }

        Bookmark = request;
    }
}
