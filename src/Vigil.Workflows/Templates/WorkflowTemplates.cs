using Vigil.Workflows.Model;

namespace Vigil.Workflows.Templates;

/// <summary>
/// The flows Vigil ships (issue 7): embedded definition JSON that the host imports disabled, for an admin to enable.
/// </summary>
public static class WorkflowTemplates
{
    /// <summary>Every shipped template, parsed.</summary>
    public static IReadOnlyList<WorkflowDefinition> All()
    {
        var assembly = typeof(WorkflowTemplates).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Templates.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return WorkflowDefinition.Parse(reader.ReadToEnd());
            })
            .ToArray();
    }
}
