using System.Text.Json;
using Vigil.Workflows.Model;
using Vigil.Workflows.Runtime;

namespace Vigil.Workflows.Tests.Support;

/// <summary>A test with a fresh SQLite database and one engine over it.</summary>
public abstract class EngineTestBase : IAsyncLifetime
{
    internal SqliteTestDatabase Database { get; } = new();

    internal WorkflowTestHost Host { get; set; } = null!;

    public virtual ValueTask InitializeAsync()
    {
        Host = CreateHost();
        return ValueTask.CompletedTask;
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    internal virtual WorkflowTestHost CreateHost() => new(Database);

    internal async Task<WorkflowInstance> RunAsync(WorkflowDefinition definition, object? input = null)
    {
        await Host.Definitions.PublishAsync(definition);
        var instance = await Host.Runtime.StartAsync(definition.Id, input is null ? null : JsonSerializer.SerializeToElement(input));
        return instance!;
    }

    internal async Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId) => await Host.Instances.GetJournalAsync(instanceId);

    internal async Task<string[]> PathAsync(string instanceId) =>
        (await JournalAsync(instanceId)).Select(j => j.ActivityId).ToArray();

    internal static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);
}
