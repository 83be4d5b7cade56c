using Vigil.Core.Nodes;

namespace Vigil.Dashboard.Scheduling;

/// <summary>The nodes a schedule's target names now (removed nodes never), read page by page from the inventory.</summary>
public sealed class ScheduleTargetResolver(NodeInventory inventory)
{
    public async Task<IReadOnlyList<Node>> ResolveAsync(ScheduleTarget target, CancellationToken cancellationToken = default)
    {
        var labels = target.Labels ?? new Dictionary<string, string>();
        var queries = target.Kind switch
        {
            ScheduleTarget.Hosts => [new NodeQuery(Type: NodeType.Host)],
            ScheduleTarget.Containers => [new NodeQuery(Type: NodeType.Container)],
            ScheduleTarget.HostsAndContainers => [new NodeQuery(Type: NodeType.Host), new NodeQuery(Type: NodeType.Container)],
            // The inventory filters one label; the others are checked on the page it returns.
            ScheduleTarget.MatchingLabels => new[] { new NodeQuery(Label: labels.Select(l => $"{l.Key}={l.Value}").First()) },
            _ => throw new ArgumentException($"Unknown target {target.Kind}.", nameof(target)),
        };

        var nodes = new List<Node>();
        foreach (var query in queries)
        {
            for (var skip = 0; ; skip += NodeQuery.MaxTake)
            {
                var page = await inventory.ListAsync(query with { Skip = skip, Take = NodeQuery.MaxTake }, cancellationToken);
                nodes.AddRange(page.Items.Where(n => n.Status != NodeStatus.Removed && labels.All(l => n.Labels.TryGetValue(l.Key, out var v) && v == l.Value)));
                if (page.Items.Count < NodeQuery.MaxTake)
                {
                    break;
                }
            }
        }

        return nodes;
    }
}
