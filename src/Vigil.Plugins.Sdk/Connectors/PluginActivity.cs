namespace Vigil.Plugins.Sdk.Connectors;

/// <summary>
/// Marks a workflow activity type a plugin contributes; added by
/// <see cref="ConnectorServiceCollectionExtensions.AddWorkflowActivity{TActivity}"/>, read by the console.
/// </summary>
/// <param name="ActivityType">The activity class.</param>
public sealed record PluginActivity(Type ActivityType);
