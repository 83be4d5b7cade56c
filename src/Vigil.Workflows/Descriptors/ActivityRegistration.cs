namespace Vigil.Workflows.Descriptors;

/// <summary>Registers one activity class with the engine through dependency injection.</summary>
/// <param name="ActivityType">A class implementing <see cref="Plugins.Sdk.Activities.IWorkflowActivity"/>.</param>
public sealed record ActivityRegistration(Type ActivityType);
