using System.Text.Json;
using Vigil.Workflows.Model;

namespace Vigil.Dashboard.Designer;

/// <summary>One line of a version diff: <c>+</c> added, <c>-</c> removed, <c>~</c> changed.</summary>
public sealed record DiffLine(char Change, string Text);

/// <summary>What changed between two versions of a definition, as a reviewer reads it (not a text diff of JSON).</summary>
public static class DefinitionDiff
{
    public static IReadOnlyList<DiffLine> Compare(WorkflowDefinition before, WorkflowDefinition after)
    {
        var lines = new List<DiffLine>();
        if (before.Name != after.Name)
        {
            lines.Add(new('~', $"name: \"{before.Name}\" → \"{after.Name}\""));
        }

        if (before.Description != after.Description)
        {
            lines.Add(new('~', "description changed"));
        }

        var old = before.Activities.ToDictionary(a => a.Id);
        var now = after.Activities.ToDictionary(a => a.Id);
        lines.AddRange(after.Activities.Where(a => !old.ContainsKey(a.Id)).Select(a => new DiffLine('+', $"activity {a.Id} ({a.Type})")));
        lines.AddRange(before.Activities.Where(a => !now.ContainsKey(a.Id)).Select(a => new DiffLine('-', $"activity {a.Id} ({a.Type})")));
        foreach (var a in after.Activities.Where(a => old.ContainsKey(a.Id)))
        {
            var o = old[a.Id];
            if (o.Type != a.Type)
            {
                lines.Add(new('~', $"activity {a.Id}: type {o.Type} → {a.Type}"));
            }

            foreach (var name in o.InputsOrEmpty.Keys.Union(a.InputsOrEmpty.Keys).Order(StringComparer.Ordinal))
            {
                var was = Show(o.InputsOrEmpty.GetValueOrDefault(name));
                var @is = Show(a.InputsOrEmpty.GetValueOrDefault(name));
                if (was != @is)
                {
                    lines.Add(new('~', $"{a.Id}.{name}: {was} → {@is}"));
                }
            }
        }

        lines.AddRange(after.Connections.Except(before.Connections).Select(c => new DiffLine('+', Show(c))));
        lines.AddRange(before.Connections.Except(after.Connections).Select(c => new DiffLine('-', Show(c))));

        var oldVariables = before.Variables.Select(v => JsonSerializer.Serialize(v, WorkflowJson.Options)).ToHashSet();
        var newVariables = after.Variables.Select(v => JsonSerializer.Serialize(v, WorkflowJson.Options)).ToHashSet();
        lines.AddRange(after.Variables.Where(v => !oldVariables.Contains(JsonSerializer.Serialize(v, WorkflowJson.Options))).Select(v => new DiffLine('+', $"variable {v.Name}")));
        lines.AddRange(before.Variables.Where(v => !newVariables.Contains(JsonSerializer.Serialize(v, WorkflowJson.Options))).Select(v => new DiffLine('-', $"variable {v.Name}")));
        return lines;
    }

    private static string Show(Connection c) => $"{c.Source} —{c.SourceOutcome}→ {c.Target}";

    private static string Show(ActivityInput? input) => input switch
    {
        null => "(unset)",
        { Kind: InputKind.Js } => $"js `{input.Expression}`",
        _ => input.Value.GetRawText(),
    };
}
