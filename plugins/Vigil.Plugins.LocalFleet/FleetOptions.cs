using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Plugins.LocalFleet;

/// <summary>One configured local fleet: where its agents enroll, where instances live, which agent binary runs.</summary>
public sealed record FleetOptions(string Name, Uri ConsoleUrl, string Directory, AgentCommand Agent)
{
    /// <summary>The directories the Launch instance page action offers as roots (absolute paths).</summary>
    public IReadOnlyList<string> Roots { get; init; } = [];

    /// <summary>Reads the settings of the manifest's <c>local-fleet</c> connector.</summary>
    /// <exception cref="ConnectorSettingsException">An unusable console URL.</exception>
    public static FleetOptions From(ConnectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var url = settings.GetRequiredString("consoleUrl");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var consoleUrl) || consoleUrl.Scheme is not ("http" or "https"))
        {
            throw new ConnectorSettingsException("consoleUrl", "must be an http(s) URL");
        }

        var directory = settings.GetString("directory") ?? DefaultDirectory(settings.InstanceName);
        var roots = settings.GetStringList("roots");
        if (roots.FirstOrDefault(r => !Path.IsPathRooted(r)) is { } relative)
        {
            throw new ConnectorSettingsException("roots", $"'{relative}' is not an absolute path");
        }

        return new FleetOptions(settings.InstanceName, consoleUrl, Path.GetFullPath(directory), AgentCommand.Find(settings.GetString("agentPath")))
        {
            Roots = roots.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToArray(),
        };
    }

    private static string DefaultDirectory(string fleetName)
    {
        var safe = string.Concat(fleetName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "vigil", "localfleet", safe);
    }
}
