using Vigil.Core.Nodes;
using Vigil.Dashboard.Integrations;
using Vigil.Dashboard.Policies;
using Vigil.Plugins.Sdk.Manifest;

namespace Vigil.Dashboard.Designer;

/// <summary>
/// What the properties panel's pickers offer: the fleet's nodes, the label keys in use, the named policies and the
/// configured integrations by kind (notification channels, registries, clouds), named as the engine resolves them.
/// </summary>
public sealed record DesignerPickers(IReadOnlyList<PickerOption> Nodes, IReadOnlyList<string> LabelKeys, IReadOnlyList<string> Policies)
{
    public static readonly DesignerPickers Empty = new([], [], []);

    public IReadOnlyList<string> NotificationChannels { get; init; } = [];

    public IReadOnlyList<string> Registries { get; init; } = [];

    public IReadOnlyList<string> Clouds { get; init; } = [];

    public static async Task<DesignerPickers> LoadAsync(
        NodeInventory nodes, PolicyStore policies, IntegrationStore integrations, CancellationToken cancellationToken = default)
    {
        var page = await nodes.ListAsync(new NodeQuery(Take: NodeQuery.MaxTake), cancellationToken);
        var labelKeys = page.Items.SelectMany(n => n.Labels.Keys).Append("vigil/approved").Distinct().Order(StringComparer.Ordinal).ToArray();
        var policyNames = (await policies.ListAsync(cancellationToken)).Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        var configured = await integrations.ListAsync(cancellationToken);
        string[] NamesOf(string kind) => [.. configured.Where(i => i.Kind == kind).Select(i => i.Name).Order(StringComparer.Ordinal)];
        return new DesignerPickers([.. page.Items.Select(n => new PickerOption(n.Id, n.Name))], labelKeys, policyNames)
        {
            NotificationChannels = NamesOf(PluginKinds.Notification),
            Registries = NamesOf(PluginKinds.Registry),
            Clouds = NamesOf(PluginKinds.Cloud),
        };
    }
}

public sealed record PickerOption(string Value, string Label);
