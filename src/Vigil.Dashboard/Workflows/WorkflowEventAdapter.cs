using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Workflows.Runtime;

namespace Vigil.Dashboard.Workflows;

/// <summary>
/// Hands domain events to the workflow engine: starts flows whose triggers listen to the event and resumes bookmarks
/// waiting for it. The event id becomes the engine's start key, so the outbox's at-least-once delivery never starts a
/// flow twice.
/// </summary>
public sealed class WorkflowEventAdapter(IWorkflowRuntime runtime) : IDomainEventSubscriber
{
    public async Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        // The audit trail, personal events and the engine's own reports never drive flows; skipping them saves a
        // trigger-index query per event.
        if (domainEvent is IAuditableEvent or IPersonalEvent or WorkflowInstanceChanged or ApprovalRequested)
        {
            return;
        }

        var payload = TriggerPayloads.Event(domainEvent);
        await runtime.DispatchAsync(new WorkflowEvent(domainEvent.Type, domainEvent.Id, CorrelationKey(payload), payload), cancellationToken);
    }

    /// <summary>Scan events correlate on their scan: Wait for scan resumes only for the scan it started.</summary>
    private static string? CorrelationKey(JsonElement payload) =>
        payload.TryGetProperty("scanId", out var scanId) && scanId.ValueKind == JsonValueKind.String ? scanId.GetString() : null;
}
