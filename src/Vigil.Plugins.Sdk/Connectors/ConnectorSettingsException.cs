namespace Vigil.Plugins.Sdk.Connectors;

/// <summary>Settings that are well-formed for the schema but unusable; the console shows the message beside the form.</summary>
public sealed class ConnectorSettingsException : Exception
{
    /// <summary>Creates the exception for one setting.</summary>
    public ConnectorSettingsException(string setting, string message) : base($"{setting}: {message}") => Setting = setting;

    /// <summary>Creates the exception.</summary>
    public ConnectorSettingsException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ConnectorSettingsException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConnectorSettingsException()
    {
    }

    /// <summary>The setting at fault, or null.</summary>
    public string? Setting { get; }
}
