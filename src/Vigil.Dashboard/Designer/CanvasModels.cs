using System.Text.Json;
using Vigil.Workflows.Descriptors;

namespace Vigil.Dashboard.Designer;

/// <summary>What the canvas knows of an activity type: enough to draw a dropped activity without a round trip.</summary>
public sealed record CanvasActivityType(string Type, string DisplayName, string Category, string Kind, IReadOnlyList<string> Outcomes)
{
    public static CanvasActivityType From(ActivityDescriptor d) =>
        new(d.Type, d.DisplayName, d.Category, d.Kind.ToString().ToLowerInvariant(), d.Outcomes);
}

/// <summary>An activity as the canvas draws it; <see cref="Inputs"/> is definition JSON the canvas carries but never reads.</summary>
public sealed record CanvasActivity(string Id, string Type, double X, double Y, IReadOnlyList<string> Outcomes, JsonElement? Inputs);

public sealed record CanvasConnection(string Source, string Outcome, string Target);

/// <summary>
/// One change on the canvas (reported by the canvas, or applied to it from .NET): the shape the canvas module's
/// <c>CanvasChange</c> union has, flattened because JS interop has no discriminated unions.
/// </summary>
public sealed record CanvasChange(
    string Kind,
    string? Id = null,
    string? Type = null,
    double? X = null,
    double? Y = null,
    IReadOnlyList<string>? Outcomes = null,
    JsonElement? Inputs = null,
    string? Source = null,
    string? Outcome = null,
    string? Target = null)
{
    public const string Added = "added";
    public const string Moved = "moved";
    public const string Removed = "removed";
    public const string InputsChanged = "inputs";
    public const string Connected = "connected";
    public const string Disconnected = "disconnected";

    public static CanvasChange InputsOf(string id, JsonElement inputs) => new(InputsChanged, id, Inputs: inputs);
}

/// <summary>Options the canvas is created with.</summary>
public sealed record CanvasOptions(bool ReadOnly, IReadOnlyList<CanvasActivityType> Types);
