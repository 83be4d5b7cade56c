using System.Text.Json;
using MimeKit;
using Vigil.Plugins.Notifications.Email;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;
using static Vigil.Notifications.Tests.Channels.ChannelSupport;

namespace Vigil.Notifications.Tests.Channels;

/// <summary>The email channel against a real SMTP server (aiosmtpd) on 127.0.0.1 that requires STARTTLS and AUTH.</summary>
public sealed class EmailChannelTests
{
    private static INotificationChannel Channel(SmtpServer server, string password = SmtpServer.Password, string? fingerprint = null) =>
        new EmailChannelFactory().Create(Settings(
            ("host", "127.0.0.1"), ("port", server.Port), ("security", "starttls"), ("username", SmtpServer.User), ("password", password),
            ("from", "Vigil <vigil@acme.test>"), ("to", new[] { "secops@acme.test", "Oncall <oncall@acme.test>" }),
            ("certificateFingerprint", fingerprint ?? server.Fingerprint), ("timeoutSeconds", 10)));

    [Fact]
    public async Task Sends_html_and_text_over_starttls_after_authenticating()
    {
        await using var server = await SmtpServer.StartAsync();

        await Channel(server).SendAsync(Sample, TestContext.Current.CancellationToken);

        var envelope = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(server.Received, "001.json"))).RootElement;
        Assert.Equal("vigil@acme.test", envelope.GetProperty("from").GetString());
        Assert.Equal(["secops@acme.test", "oncall@acme.test"], envelope.GetProperty("to").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal("vigil", envelope.GetProperty("login").GetString());
        Assert.True(envelope.GetProperty("tls").GetBoolean());

        var mail = await MimeMessage.LoadAsync(Path.Combine(server.Received, "001.eml"), TestContext.Current.CancellationToken);
        Assert.Equal("[Vigil] 2 new findings on web-01 (1 critical, 1 high)", mail.Subject);
        Assert.Equal("findings:n-1:s-1", mail.Headers["X-Vigil-Dedup-Key"]);
        Assert.Equal("multipart/alternative", mail.Body!.ContentType.MimeType);
        Assert.Equal(
            "2 new findings on web-01 (1 critical, 1 high)\n\n• GHSA-jf85-cpcp-j695 (critical) pkg:npm/lodash@4.17.15\n• GHSA-p6mc-m468-83gw (high) pkg:npm/lodash@4.17.15 <app>\n\n" +
            "Severity: critical\nNode: web-01\nScan: s-1\n\nOpen in Vigil: http://vigil.test/scans/s-1\n",
            mail.TextBody!.ReplaceLineEndings("\n"));
        Assert.Contains("<h2 style=\"margin:0 0 12px\">2 new findings on web-01 (1 critical, 1 high)</h2>", mail.HtmlBody!, StringComparison.Ordinal);
        Assert.Contains("pkg:npm/lodash@4.17.15 &lt;app&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<th style=\"text-align:left;padding:2px 12px 2px 0\">Node</th><td>web-01</td>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://vigil.test/scans/s-1\">Open in Vigil</a>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_fails_with_the_smtp_code_and_without_the_password()
    {
        await using var server = await SmtpServer.StartAsync();

        var error = await Assert.ThrowsAsync<NotificationDeliveryException>(() => Channel(server, "wrong-password-9").SendAsync(Sample, TestContext.Current.CancellationToken));

        Assert.Equal(535, error.StatusCode);
        Assert.DoesNotContain("wrong-password-9", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(server.Received));
    }

    [Fact]
    public async Task A_certificate_other_than_the_pinned_one_is_refused()
    {
        await using var server = await SmtpServer.StartAsync();

        var error = await Assert.ThrowsAsync<NotificationDeliveryException>(() => Channel(server, fingerprint: new string('A', 64)).SendAsync(Sample, TestContext.Current.CancellationToken));

        Assert.Contains("TLS handshake", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(server.Received));
    }

    [Fact]
    public async Task Test_connection_signs_in_over_tls_without_sending()
    {
        await using var server = await SmtpServer.StartAsync();

        var result = await Channel(server).TestConnectionAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Message);
        Assert.Equal($"Connected to 127.0.0.1:{server.Port} over TLS and signed in.", result.Message);
        Assert.Empty(Directory.EnumerateFiles(server.Received));
    }

    [Fact]
    public void Rejects_an_address_that_is_not_one()
    {
        var error = Assert.Throws<ConnectorSettingsException>(() => new EmailChannelFactory().Create(Settings(("host", "h"), ("from", "vigil@acme.test"), ("to", new[] { "not an address" }))));
        Assert.Equal("to", error.Setting);
    }
}
