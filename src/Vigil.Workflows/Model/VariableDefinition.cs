using System.Text.Json;

namespace Vigil.Workflows.Model;

/// <summary>A workflow variable: visible to expressions as <c>variables.&lt;name&gt;</c>.</summary>
/// <param name="Name">Variable name.</param>
/// <param name="Type">Informational type for the designer (<c>string</c>, <c>number</c>, <c>boolean</c>, <c>object</c>, <c>array</c>, <c>any</c>).</param>
/// <param name="Default">Initial value.</param>
public sealed record VariableDefinition(string Name, string? Type = null, JsonElement? Default = null);
