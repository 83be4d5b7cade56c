using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vigil.Testing;

namespace Vigil.Notifications.Tests.Channels;

/// <summary>
/// smtp_server.py (aiosmtpd) on 127.0.0.1 with a fresh self-signed certificate: STARTTLS and AUTH are required, and
/// accepted messages land in <see cref="Received"/>.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    public const string User = "vigil";
    public const string Password = "smtp-Secret-42";
    public const string Python = "/usr/bin/python3";

    private readonly Process _process;
    private readonly TempDirectory _dir;

    private SmtpServer(Process process, TempDirectory dir, int port, string fingerprint)
    {
        _process = process;
        _dir = dir;
        Port = port;
        Fingerprint = fingerprint;
    }

    public int Port { get; }

    /// <summary>SHA-256 of the server certificate, hex: what the channel pins.</summary>
    public string Fingerprint { get; }

    public string Received => Path.Combine(_dir.Path, "mail");

    public static async Task<SmtpServer> StartAsync()
    {
        var dir = new TempDirectory("vigil-smtp");
        Directory.CreateDirectory(Path.Combine(dir.Path, "mail"));
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certFile = Path.Combine(dir.Path, "cert.pem");
        var keyFile = Path.Combine(dir.Path, "key.pem");
        await File.WriteAllTextAsync(certFile, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyFile, rsa.ExportPkcs8PrivateKeyPem());

        var port = FreePort();
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "smtp_server.py"), port.ToString(System.Globalization.CultureInfo.InvariantCulture), certFile, keyFile, User, Password, Path.Combine(dir.Path, "mail") })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (ready != "READY")
        {
            var error = await process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"smtp_server.py did not start: {ready} {error}");
        }

        return new SmtpServer(process, dir, port, Convert.ToHexString(SHA256.HashData(certificate.RawData)));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _dir.Dispose();
    }
}
