namespace Vigil.Dashboard.Plugins;

/// <summary>How long the console waits for plugin code before giving up on it.</summary>
public sealed class PluginTimeouts
{
    /// <summary>Loading a plugin's assemblies and running its <c>IPluginStartup</c>.</summary>
    public TimeSpan Startup { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>One call into a connector (test connection, a listing page).</summary>
    public TimeSpan Call { get; set; } = TimeSpan.FromSeconds(60);
}
