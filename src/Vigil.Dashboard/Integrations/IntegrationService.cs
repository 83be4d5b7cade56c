using Vigil.Dashboard.Plugins;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Manifest;

namespace Vigil.Dashboard.Integrations;

/// <summary>
/// Adds, changes, tests and removes integrations, and builds their connectors: settings are validated against the
/// plugin's schema and by the plugin's factory before anything is stored; every call into the plugin goes through
/// <see cref="PluginCalls"/>.
/// </summary>
public sealed class IntegrationService(IntegrationStore store, PluginCatalog catalog, PluginTimeouts timeouts, ILogger<IntegrationService> logger)
{
    public const int MaxNameLength = 200;

    /// <summary>Adds (<paramref name="id"/> null) or changes an integration.</summary>
    /// <exception cref="InputValidationException">Unknown plugin or connector type, invalid name or settings.</exception>
    /// <exception cref="KeyNotFoundException">No integration <paramref name="id"/>.</exception>
    public async Task<Integration> SaveAsync(string? id, IntegrationInput input, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            throw InputValidationException.For("name", $"a name is 1-{MaxNameLength} printable characters");
        }

        IReadOnlyDictionary<string, string> storedSecrets = new Dictionary<string, string>();
        if (id is not null)
        {
            var existing = await store.GetWithSecretsAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"integration {id} does not exist");
            if (existing.Integration.PluginId != input.PluginId || existing.Integration.ConnectorType != input.ConnectorType)
            {
                throw InputValidationException.For("connectorType", "the plugin and connector type of an integration cannot change; add a new one");
            }

            storedSecrets = existing.Secrets;
        }

        var declaration = Declaration(input.PluginId, input.ConnectorType);
        var settings = SettingsValidator.Validate(declaration.Settings, input.Settings, storedSecrets);
        await BuildAndDisposeAsync(input.PluginId, declaration, name, settings, cancellationToken);
        var savedId = await store.SaveAsync(id, name, input.PluginId, input.ConnectorType, declaration.Kind, settings.Values, settings.Secrets, actor, cancellationToken);
        logger.LogInformation("Integration {Name} ({Plugin}/{Type}) saved by {Actor}", name, input.PluginId, input.ConnectorType, actor);
        return (await store.GetAsync(savedId, cancellationToken))!;
    }

    /// <summary>Runs the connector's connection test with the console's time limit; never throws for a plugin failure.</summary>
    public async Task<ConnectionTestResult?> TestAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await store.GetWithSecretsAsync(id, cancellationToken) is not { } stored)
        {
            return null;
        }

        try
        {
            return await UseAsync<IConnector, ConnectionTestResult>(stored, (c, ct) => c.TestConnectionAsync(ct), "connection test", cancellationToken);
        }
        catch (PluginCallException ex)
        {
            return ConnectionTestResult.Failed(ex.Message);
        }
    }

    /// <summary>Builds the integration's connector of contract <typeparamref name="TConnector"/> and runs <paramref name="call"/> on it.</summary>
    /// <exception cref="PluginCallException">The plugin is disabled, the call failed or timed out.</exception>
    public async Task<TResult> UseAsync<TConnector, TResult>(
        StoredIntegration stored, Func<TConnector, CancellationToken, Task<TResult>> call, string what, CancellationToken cancellationToken)
        where TConnector : class, IConnector
    {
        ArgumentNullException.ThrowIfNull(stored);
        var integration = stored.Integration;
        var plugin = catalog.Find(integration.PluginId);
        var declaration = catalog.FindConnector(integration.PluginId, integration.ConnectorType);
        if (plugin?.Services is null || declaration is null)
        {
            throw new PluginCallException($"plugin '{integration.PluginId}' is not loaded{(plugin?.Error is { } e ? ": " + e : "")}");
        }

        var settings = new ConnectorSettings(integration.Name, stored.AllValues());
        return await PluginCalls.RunAsync($"{plugin.Id} {what} of '{integration.Name}'", timeouts.Call, async ct =>
        {
            var connector = ConnectorKinds.Create(plugin.Services, declaration, settings);
            try
            {
                return connector is TConnector typed
                    ? await call(typed, ct)
                    : throw new PluginCallException($"'{integration.Name}' is a {integration.Kind} connector");
            }
            finally
            {
                await DisposeAsync(connector);
            }
        }, cancellationToken);
    }

    public Task<StoredIntegration?> GetWithSecretsAsync(string id, CancellationToken cancellationToken = default) =>
        store.GetWithSecretsAsync(id, cancellationToken);

    private ConnectorDeclaration Declaration(string pluginId, string connectorType)
    {
        var plugin = catalog.Find(pluginId ?? "");
        if (plugin is null)
        {
            throw InputValidationException.For("pluginId", $"no plugin '{pluginId}' is installed");
        }

        if (plugin.State != PluginState.Loaded)
        {
            throw InputValidationException.For("pluginId", $"plugin '{pluginId}' is disabled: {plugin.Error}");
        }

        return catalog.FindConnector(pluginId!, connectorType ?? "")
            ?? throw InputValidationException.For("connectorType", $"plugin '{pluginId}' provides no connector type '{connectorType}'");
    }

    /// <summary>The factory is the last judge of settings; it must not do I/O, but it runs under the time limit anyway.</summary>
    private async Task BuildAndDisposeAsync(string pluginId, ConnectorDeclaration declaration, string name, SettingsValidator.Result settings, CancellationToken cancellationToken)
    {
        var services = catalog.Find(pluginId)!.Services!;
        var all = new Dictionary<string, System.Text.Json.JsonElement>(settings.Values);
        foreach (var (key, secret) in settings.Secrets)
        {
            all[key] = System.Text.Json.JsonSerializer.SerializeToElement(secret);
        }

        try
        {
            await PluginCalls.RunAsync($"{pluginId} settings check", timeouts.Call, async _ =>
            {
                await DisposeAsync(ConnectorKinds.Create(services, declaration, new ConnectorSettings(name, all)));
                return true;
            }, cancellationToken);
        }
        catch (PluginCallException ex) when (ex.InnerException is ConnectorSettingsException settingsError)
        {
            throw InputValidationException.For(settingsError.Setting ?? "settings", settingsError.Setting is null ? settingsError.Message : settingsError.Message[(settingsError.Setting.Length + 2)..]);
        }
    }

    private static async ValueTask DisposeAsync(object connector)
    {
        switch (connector)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
