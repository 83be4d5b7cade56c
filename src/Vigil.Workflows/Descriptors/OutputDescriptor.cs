using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Descriptors;

/// <summary>An activity output as the designer and expressions see it.</summary>
public sealed record OutputDescriptor(string Name, ActivityValueType Type, string Description, bool Secret);
