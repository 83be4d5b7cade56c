using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Manifest;

namespace Vigil.Plugins.LocalFleet;

/// <summary>
/// The "Launch instance" page action: the same launch as the workflow activity, from a form whose root choices are
/// the fleet's configured roots (never a path typed into the page: the console's machine is not a file browser).
/// </summary>
public static partial class LaunchAction
{
    public const string Name = "launch";

    /// <summary>Few enough that launching finishes within the console's time limit for a plugin call.</summary>
    public const int MaxCount = 5;

    public static ConnectorAction For(FleetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<SettingProperty> input =
        [
            new("name", SettingType.String, "Node name", $"With a count above 1, -1, -2, … is appended.", true, false, [], null, null, null, NamePattern().ToString()),
        ];
        if (options.Roots.Count > 0)
        {
            input.Add(new("root", SettingType.String, "Root", "The directory the agent describes; empty for a fresh empty one.", false, false, options.Roots, null, null, null, null));
        }

        input.Add(new("labels", SettingType.StringList, "Labels", "key=value, added to each node.", false, false, [], null, null, null, null));
        input.Add(new("count", SettingType.Integer, "Count", $"How many instances (1-{MaxCount}).", false, false, [], JsonSerializer.SerializeToElement(1), 1, MaxCount, null));
        return new ConnectorAction(Name, "Launch instance", $"Starts vigil-agent processes in local fleet '{options.Name}'; each enrolls and registers as a node.", new SettingsSchema(input));
    }

    public static async Task<ConnectorActionResult> RunAsync(
        LocalFleetProvider provider, FleetOptions options, ConnectorSettings input, string actor, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(input);
        var name = input.GetRequiredString("name");
        var root = input.GetString("root");
        if (root is not null && !options.Roots.Contains(root, StringComparer.Ordinal))
        {
            throw new ConnectorSettingsException("root", "is not one of the fleet's configured roots");
        }

        var count = input.GetInteger("count", 1);
        if (count is < 1 or > MaxCount)
        {
            throw new ConnectorSettingsException("count", $"must be 1-{MaxCount}");
        }

        var labels = Labels(input.GetStringList("labels"));
        var launched = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var instance = await provider.LaunchAsync(count == 1 ? name : $"{name}-{i}", root, labels, cancellationToken);
            launched.Add($"{instance.Name} ({instance.Id})");
            logger.LogLaunched(instance.Id, options.Name);
        }

        logger.LogInformation("{Actor} launched {Count} instance(s) in local fleet {Fleet}", actor, count, options.Name);
        return ConnectorActionResult.Ok($"Launched {string.Join(", ", launched)} from {root ?? "an empty root"}.");
    }

    private static Dictionary<string, string> Labels(IReadOnlyList<string> lines)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var at = line.IndexOf('=', StringComparison.Ordinal);
            var key = at > 0 ? line[..at].Trim() : "";
            if (!LabelKey().IsMatch(key) || key == LocalFleetProvider.InstanceLabel)
            {
                throw new ConnectorSettingsException("labels", $"'{line}' is not key=value with a key of letters, digits, '.', '/', '_' or '-'");
            }

            labels[key] = line[(at + 1)..].Trim();
        }

        return labels;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9./_-]{0,62}$")]
    private static partial Regex LabelKey();
}
