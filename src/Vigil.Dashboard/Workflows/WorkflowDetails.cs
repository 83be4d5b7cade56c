using System.Text.Json;
using Vigil.Workflows.Persistence;

namespace Vigil.Dashboard.Workflows;

/// <summary>One definition as the API shows it: its list row, its current JSON (draft, else published) and its versions.</summary>
public sealed record WorkflowDetails(DefinitionSummary Summary, JsonElement Definition, IReadOnlyList<int> Versions);
