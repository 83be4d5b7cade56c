using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Plugins.LocalFleet;

/// <summary>Launches instances of a local fleet: the start of the demonstration loop (launch, scan, remove the failing).</summary>
[Activity("LocalFleet.Launch", "Cloud", "Launch local instances", Description = "Starts vigil-agent instances of a local fleet; each enrolls and registers as a node.")]
[ActivityInput("fleet", ActivityValueType.String, Required = true, Description = "Name of the local fleet integration.")]
[ActivityInput("name", ActivityValueType.String, Required = true, Description = "Node name; with a count above 1, -1, -2, … is appended.")]
[ActivityInput("root", ActivityValueType.String, Description = "Directory the instances describe; empty for a fresh empty one each.")]
[ActivityInput("count", ActivityValueType.Integer, DefaultJson = "1")]
[ActivityOutput("instanceIds", ActivityValueType.Array, Description = "Ids of the launched instances.")]
[ActivityOutput("nodeIds", ActivityValueType.Array, Description = "Node ids they enrolled as.")]
public sealed class LaunchInstancesActivity(FleetRegistry fleets, LocalFleetFactory factory) : IWorkflowActivity
{
    public const int MaxCount = 20;

    public async ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fleetName = context.GetInput<string>("fleet") ?? "";
        var options = fleets.Find(fleetName) ?? throw new InvalidOperationException(
            $"no local fleet integration called '{fleetName}' (known: {string.Join(", ", fleets.Names.DefaultIfEmpty("none"))})");
        var count = context.GetInput<int?>("count") ?? 1;
        if (count is < 1 or > MaxCount)
        {
            throw new ArgumentException($"count must be 1-{MaxCount}");
        }

        var name = context.GetInput<string>("name") ?? "";
        var root = context.GetInput<string>("root") is { Length: > 0 } r ? r : null;
        var provider = factory.Create(options);
        var launched = new List<(string Instance, string Node)>();
        for (var i = 1; i <= count; i++)
        {
            var instance = await provider.LaunchAsync(count == 1 ? name : $"{name}-{i}", root, context.CancellationToken);
            launched.Add((instance.Id, instance.Tags["node"]));
            context.Logger.LogLaunched(instance.Id, fleetName);
        }

        context.SetOutput("instanceIds", launched.Select(l => l.Instance).ToArray());
        context.SetOutput("nodeIds", launched.Select(l => l.Node).ToArray());
        context.Complete();
    }
}
