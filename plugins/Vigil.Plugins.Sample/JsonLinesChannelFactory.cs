using Microsoft.Extensions.Logging;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Sample;

/// <summary>Builds a channel per configured instance. Host services (here a logger) come through the constructor.</summary>
public sealed class JsonLinesChannelFactory(ILogger<JsonLinesChannel> logger) : IConnectorFactory<INotificationChannel>
{
    /// <inheritdoc />
    public INotificationChannel Create(ConnectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var directory = settings.GetRequiredString("directory");
        if (!Path.IsPathFullyQualified(directory))
        {
            // The schema cannot say "absolute path"; the factory can.
            throw new ConnectorSettingsException("directory", "must be an absolute path");
        }

        var severity = Enum.Parse<NotificationSeverity>(settings.GetString("minimumSeverity") ?? "info", ignoreCase: true);
        return new JsonLinesChannel(Path.Combine(directory, settings.GetString("fileName") ?? "vigil-notifications.jsonl"), severity, logger);
    }
}
