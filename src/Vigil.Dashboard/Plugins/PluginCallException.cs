namespace Vigil.Dashboard.Plugins;

/// <summary>A call into plugin code that failed or did not answer in time; the message names the plugin and is safe to show.</summary>
public sealed class PluginCallException : Exception
{
    public PluginCallException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }

    public PluginCallException() : this("plugin call failed")
    {
    }

    public PluginCallException(string message) : this(message, null)
    {
    }
}
