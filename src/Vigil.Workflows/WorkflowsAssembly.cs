namespace Vigil.Workflows;

/// <summary>Marker for the workflow runtime assembly.</summary>
public static class WorkflowsAssembly;
