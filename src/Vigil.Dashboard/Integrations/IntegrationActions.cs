using System.Text.Json.Nodes;
using Vigil.Core.Events;
using Vigil.Dashboard.Plugins;
using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Dashboard.Integrations;

/// <summary>
/// The page actions connectors offer (<see cref="IConnectorActions"/>): listed per configured instance, invoked with
/// input validated against the action's schema, the role it requires checked, and every run audited.
/// </summary>
public sealed class IntegrationActions(IntegrationService integrations, EventOutbox outbox, ILogger<IntegrationActions> logger)
{
    /// <summary>The instance's actions (none when its connector offers none).</summary>
    /// <exception cref="KeyNotFoundException">No such integration.</exception>
    /// <exception cref="PluginCallException">The plugin is not loaded or failed.</exception>
    public async Task<IReadOnlyList<ConnectorAction>> ListAsync(string integrationId, CancellationToken cancellationToken)
    {
        var stored = await StoredAsync(integrationId, cancellationToken);
        return await integrations.UseAsync<IConnector, IReadOnlyList<ConnectorAction>>(
            stored, (c, _) => Task.FromResult(c is IConnectorActions a ? a.Actions : []), "action list", cancellationToken);
    }

    /// <summary>Runs an action for <paramref name="actor"/>; a plugin failure is a failed result, not an exception.</summary>
    /// <exception cref="KeyNotFoundException">No such integration or action.</exception>
    /// <exception cref="UnauthorizedAccessException">The action requires an Admin and <paramref name="isAdmin"/> is false.</exception>
    /// <exception cref="InputValidationException">The input does not fit the action's form.</exception>
    public async Task<ConnectorActionResult> InvokeAsync(string integrationId, string actionName, JsonObject? input, string actor, bool isAdmin, CancellationToken cancellationToken)
    {
        var stored = await StoredAsync(integrationId, cancellationToken);
        var action = (await ListAsync(integrationId, cancellationToken)).FirstOrDefault(a => a.Name == actionName)
            ?? throw new KeyNotFoundException($"'{stored.Integration.Name}' has no action '{actionName}'");
        if (action.RequiresAdmin && !isAdmin)
        {
            throw new UnauthorizedAccessException($"{action.Title} requires an Admin");
        }

        var values = SettingsValidator.Validate(action.Input, input, new Dictionary<string, string>()).Values;
        ConnectorActionResult result;
        try
        {
            result = await integrations.UseAsync<IConnector, ConnectorActionResult>(
                stored,
                (c, ct) => c is IConnectorActions a ? a.InvokeAsync(action.Name, new ConnectorSettings(stored.Integration.Name, values), actor, ct)
                    : throw new PluginCallException("the connector no longer offers actions"),
                action.Title,
                cancellationToken);
        }
        catch (PluginCallException ex) when (ex.InnerException is ConnectorSettingsException { Setting: { } setting } refused)
        {
            throw InputValidationException.For(setting, refused.Message[(setting.Length + 2)..]);
        }
        catch (PluginCallException ex)
        {
            result = ConnectorActionResult.Failed(ex.Message);
        }

        await outbox.PublishAsync(new IntegrationActionInvoked(actor, stored.Integration.Id, stored.Integration.Name, action.Title, result.Success, result.Message), cancellationToken);
        logger.LogInformation("{Actor} ran {Action} of integration {Integration}: {Result}", actor, action.Name, stored.Integration.Name, result.Message);
        return result;
    }

    private async Task<StoredIntegration> StoredAsync(string integrationId, CancellationToken cancellationToken) =>
        await integrations.GetWithSecretsAsync(integrationId, cancellationToken) ?? throw new KeyNotFoundException($"no integration '{integrationId}'");
}
