using MailKit.Security;
using MimeKit;

namespace Vigil.Plugins.Notifications.Email;

/// <summary>An email channel's settings. <see cref="ToString"/> leaves the password out.</summary>
public sealed record EmailOptions(
    string Host,
    int Port,
    SecureSocketOptions Security,
    string? Username,
    string? Password,
    MailboxAddress From,
    IReadOnlyList<MailboxAddress> To,
    string? CertificateFingerprint,
    TimeSpan Timeout)
{
    public override string ToString() => $"{Host}:{Port} ({Security})";
}
