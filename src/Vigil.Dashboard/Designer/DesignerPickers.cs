using Vigil.Core.Nodes;
using Vigil.Dashboard.Policies;

namespace Vigil.Dashboard.Designer;

/// <summary>What the properties panel's pickers offer: the fleet's nodes, the label keys in use and the named policies.</summary>
public sealed record DesignerPickers(IReadOnlyList<PickerOption> Nodes, IReadOnlyList<string> LabelKeys, IReadOnlyList<string> Policies)
{
    public static readonly DesignerPickers Empty = new([], [], []);

    public static async Task<DesignerPickers> LoadAsync(NodeInventory nodes, PolicyStore policies, CancellationToken cancellationToken = default)
    {
        var page = await nodes.ListAsync(new NodeQuery(Take: NodeQuery.MaxTake), cancellationToken);
        var labelKeys = page.Items.SelectMany(n => n.Labels.Keys).Append("vigil/approved").Distinct().Order(StringComparer.Ordinal).ToArray();
        var policyNames = (await policies.ListAsync(cancellationToken)).Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        return new DesignerPickers([.. page.Items.Select(n => new PickerOption(n.Id, n.Name))], labelKeys, policyNames);
    }
}

public sealed record PickerOption(string Value, string Label);
