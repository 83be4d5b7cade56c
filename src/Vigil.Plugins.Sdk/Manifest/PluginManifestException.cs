namespace Vigil.Plugins.Sdk.Manifest;

/// <summary>A <c>vigil-plugin.json</c> that cannot be used; the message says which field and why.</summary>
public sealed class PluginManifestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginManifestException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public PluginManifestException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PluginManifestException()
    {
    }
}
