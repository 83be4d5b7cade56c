using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Plugins.Notifications;

/// <summary>Settings every channel reads the same way.</summary>
public static class ChannelSettings
{
    public static TimeSpan Timeout(ConnectorSettings settings, int fallbackSeconds = 10) =>
        TimeSpan.FromSeconds(Math.Clamp(settings.GetInteger("timeoutSeconds", fallbackSeconds), 1, 60));

    /// <summary>An absolute http(s) URL setting.</summary>
    /// <exception cref="ConnectorSettingsException">Absent or not an absolute http(s) URL.</exception>
    public static Uri HttpUrl(ConnectorSettings settings, string name) =>
        Uri.TryCreate(settings.GetRequiredString(name), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ConnectorSettingsException(name, "must be an absolute http or https URL");
}
