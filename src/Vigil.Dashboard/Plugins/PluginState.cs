namespace Vigil.Dashboard.Plugins;

/// <summary>Whether an installed plugin is usable.</summary>
public enum PluginState
{
    /// <summary>Loaded and started: its connectors and activities are available.</summary>
    Loaded,

    /// <summary>Could not be loaded or started; disabled with its error recorded.</summary>
    Failed,
}
