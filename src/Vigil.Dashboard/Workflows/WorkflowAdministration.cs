using Vigil.Core.Events;
using Vigil.Workflows.Model;
using Vigil.Workflows.Persistence;
using Vigil.Workflows.Validation;

namespace Vigil.Dashboard.Workflows;

/// <summary>Publishing and enabling with their audit events, shared by the workflows API and the Workflows page.</summary>
public sealed class WorkflowAdministration(WorkflowDefinitionStore definitions, WorkflowValidator validator, EventOutbox outbox, WorkflowCronTriggers cronTriggers)
{
    /// <summary>
    /// Saves the designer's work in progress (like <c>PUT /api/v1/workflows/{id}/work-in-progress</c>: kept even when
    /// invalid, so nothing drawn is lost) and answers with what publishing would refuse.
    /// </summary>
    public async Task<ValidationResult> SaveDraftAsync(WorkflowDefinition draft, CancellationToken cancellationToken = default)
    {
        await definitions.SaveDraftAsync(draft, cancellationToken);
        return validator.Validate(draft);
    }

    /// <summary>Publishes the draft (or republishes the current version); null when the definition does not exist.</summary>
    /// <exception cref="Vigil.Workflows.Validation.WorkflowValidationException">Invalid; nothing was written.</exception>
    public async Task<WorkflowDefinition?> PublishAsync(string id, string actor, CancellationToken cancellationToken = default)
    {
        if (await definitions.GetDraftOrPublishedAsync(id, cancellationToken) is not { } definition)
        {
            return null;
        }

        var published = await definitions.PublishAsync(definition, actor, cancellationToken);
        await outbox.PublishAsync(new WorkflowPublished(actor, published.Id, published.Name, published.Version), cancellationToken);
        await cronTriggers.SyncAsync(cancellationToken);
        return published;
    }

    public async Task<bool> SetEnabledAsync(string id, bool enabled, string actor, CancellationToken cancellationToken = default)
    {
        if (!await definitions.SetEnabledAsync(id, enabled, cancellationToken))
        {
            return false;
        }

        await outbox.PublishAsync(new WorkflowEnabledChanged(actor, id, enabled), cancellationToken);
        await cronTriggers.SyncAsync(cancellationToken);
        return true;
    }
}
