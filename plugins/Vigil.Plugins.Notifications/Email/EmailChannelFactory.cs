using MailKit.Security;
using MimeKit;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.Email;

public sealed class EmailChannelFactory : IConnectorFactory<INotificationChannel>
{
    public INotificationChannel Create(ConnectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var to = settings.GetStringList("to").Select(a => Address("to", a)).ToArray();
        if (to.Length == 0)
        {
            throw new ConnectorSettingsException("to", "at least one address is required");
        }

        var security = (settings.GetString("security") ?? "starttls") switch
        {
            "starttls" => SecureSocketOptions.StartTls,
            "tls" => SecureSocketOptions.SslOnConnect,
            "none" => SecureSocketOptions.None,
            var other => throw new ConnectorSettingsException("security", $"'{other}' is not starttls, tls or none"),
        };
        return new EmailChannel(new EmailOptions(
            settings.GetRequiredString("host"),
            (int)Math.Clamp(settings.GetInteger("port", 587), 1, 65535),
            security,
            settings.GetString("username"),
            settings.GetString("password"),
            Address("from", settings.GetRequiredString("from")),
            to,
            settings.GetString("certificateFingerprint"),
            ChannelSettings.Timeout(settings, 30)));
    }

    private static MailboxAddress Address(string setting, string text) =>
        MailboxAddress.TryParse(text, out var address) && address.Address.Contains('@', StringComparison.Ordinal)
            ? address
            : throw new ConnectorSettingsException(setting, $"'{text}' is not an email address");
}
