using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Descriptors;

/// <summary>An activity input as the designer and validation see it.</summary>
public sealed record InputDescriptor(
    string Name,
    ActivityValueType Type,
    string DisplayName,
    string Description,
    bool Required,
    bool Secret,
    string? UIHint,
    IReadOnlyList<string>? Options,
    JsonElement? Default);
