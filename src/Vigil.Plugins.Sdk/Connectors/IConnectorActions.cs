namespace Vigil.Plugins.Sdk.Connectors;

/// <summary>
/// Optional: a connector that also implements this interface offers page actions on its configured instances, so a
/// plugin contributes what it alone can do (a local fleet's "Launch instance") without the SDK growing a method for
/// it. Since SDK 1.1; older consoles simply show no buttons.
/// </summary>
/// <remarks>
/// The console calls <see cref="InvokeAsync"/> off the UI thread with its time limit, after validating the input
/// against the action's schema and checking <see cref="ConnectorAction.RequiresAdmin"/>; it audits every invocation
/// (who, which action, the result message — never the input, which is the plugin's to log).
/// </remarks>
public interface IConnectorActions
{
    /// <summary>The actions of this instance; they may depend on its settings (e.g. choices from a configured list).</summary>
    IReadOnlyList<ConnectorAction> Actions { get; }

    /// <summary>Runs the action called <paramref name="action"/> with validated input (defaults applied).</summary>
    /// <param name="action">One of <see cref="Actions"/>' names.</param>
    /// <param name="input">The form's values, read like settings.</param>
    /// <param name="actor">Who asked: a user's email or <c>key:NAME</c>.</param>
    /// <param name="cancellationToken">Cancelled at the console's time limit.</param>
    /// <returns>What happened. Throw <see cref="ConnectorSettingsException"/> for input the schema cannot reject.</returns>
    Task<ConnectorActionResult> InvokeAsync(string action, ConnectorSettings input, string actor, CancellationToken cancellationToken);
}
