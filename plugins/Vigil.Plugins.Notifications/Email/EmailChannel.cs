using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.Email;

/// <summary>
/// Sends through SMTP with MailKit: STARTTLS (required, not opportunistic), implicit TLS or plain, then authenticates
/// when a user name is set. One connection per message: notifications are few, and no idle connection is held.
/// </summary>
public sealed class EmailChannel(EmailOptions options) : INotificationChannel
{
    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var mail = EmailContent.Build(message, options);
        await WithClientAsync(client => client.SendAsync(mail, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken)
    {
        var secured = false;
        await WithClientAsync(client =>
        {
            secured = client.IsSecure;
            return client.NoOpAsync(cancellationToken);
        }, cancellationToken).ConfigureAwait(false);
        return ConnectionTestResult.Ok($"Connected to {options.Host}:{options.Port}{(secured ? " over TLS" : "")}{(options.Username is null ? "" : " and signed in")}.");
    }

    private async Task WithClientAsync(Func<SmtpClient, Task> use, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        if (options.CertificateFingerprint is { } pinned)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, _) => Matches(certificate, pinned);
        }

        try
        {
            await client.ConnectAsync(options.Host, options.Port, options.Security, cancellationToken).ConfigureAwait(false);
            if (options.Username is { } user)
            {
                await client.AuthenticateAsync(user, options.Password ?? "", cancellationToken).ConfigureAwait(false);
            }

            await use(client).ConfigureAwait(false);
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        }
        catch (AuthenticationException ex)
        {
            throw new NotificationDeliveryException($"{options.Host} refused the user name or password", 535, ex);
        }
        catch (SmtpCommandException ex)
        {
            throw new NotificationDeliveryException($"{options.Host} refused the message: {(int)ex.StatusCode} {ex.Message}", (int)ex.StatusCode, ex);
        }
        catch (SslHandshakeException ex)
        {
            throw new NotificationDeliveryException($"the TLS handshake with {options.Host} failed (untrusted or mismatched certificate?)", null, ex);
        }
        catch (Exception ex) when (ex is ServiceNotConnectedException or ProtocolException or NotSupportedException or IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new NotificationDeliveryException($"{options.Host}:{options.Port}: {ex.Message}", null, ex);
        }
    }

    private static bool Matches(X509Certificate? certificate, string pinned) =>
        certificate is not null
        && Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())).Equals(pinned.Replace(":", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
}
